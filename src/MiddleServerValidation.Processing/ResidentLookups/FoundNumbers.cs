using MiddleServerValidation.Domain.PersonalNumbers;
using MiddleServerValidation.Persistence.PersonalData;
using Npgsql;
using NpgsqlTypes;

namespace MiddleServerValidation.Processing.ResidentLookups;

/// <summary>A number J-LIS's search found for a registration version sent without one; <c>ToString()</c> masks it.</summary>
public sealed record FoundNumberRow(Guid RegistrationId, string InsurerNumber, string RecordId, PersonalNumber Number);

/// <summary>
/// Keeps found numbers for their insurers to obtain once (<c>POST /api/v1/registrations/{id}/found-number</c>): in the
/// chunk's transaction, as the number's lookup key and its ciphertext bound to the record and the field.
/// </summary>
public static class FoundNumbers
{
    public static async Task WriteAsync(
        NpgsqlConnection connection, IReadOnlyList<FoundNumberRow> rows, PersonalNumberProtector protector, DateTimeOffset now, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var row in rows)
        {
            var plain = row.Number.Value;
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                "INSERT INTO found_numbers (registration_id, insurer_number, record_id, number_key, number_cipher, found_at) " +
                "VALUES ($1, $2, $3, $4, $5, $6)")
            {
                Parameters =
                {
                    new() { Value = row.RegistrationId, NpgsqlDbType = NpgsqlDbType.Uuid },
                    new() { Value = row.InsurerNumber, NpgsqlDbType = NpgsqlDbType.Varchar },
                    new() { Value = row.RecordId, NpgsqlDbType = NpgsqlDbType.Varchar },
                    new() { Value = protector.LookupKey(plain), NpgsqlDbType = NpgsqlDbType.Bytea },
                    new() { Value = protector.Encrypt(plain, Binding(row.InsurerNumber, row.RecordId)), NpgsqlDbType = NpgsqlDbType.Bytea },
                    new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                },
            });
        }

        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>What a found number's ciphertext is bound to: its record and the field, so it opens nowhere else.</summary>
    public static PersonalDataBinding Binding(string insurerNumber, string recordId) =>
        PersonalDataBinding.RegistrationField(insurerNumber, recordId, FactFields.FoundNumber);
}
