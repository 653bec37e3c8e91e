using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.PersonalNumbers;
using MiddleServerValidation.Domain.Registration;
using MiddleServerValidation.Persistence.Findings;
using MiddleServerValidation.Persistence.PersonalData;
using Npgsql;

namespace MiddleServerValidation.Processing.Operations;

/// <summary>
/// What a chunk's operations act on, read once per chunk under the records' locks: each record's current version with
/// the findings that hold it, and the operations already applied (by key). Only chunks with operations ask.
/// </summary>
public static class OperationTargetQueries
{
    public static async Task<Dictionary<RegistrationKey, RecordTarget>> LoadTargetsAsync(
        NpgsqlConnection connection, IReadOnlyCollection<RegistrationKey> keys, PersonalNumberProtector protector, CancellationToken ct)
    {
        var rows = new List<(RegistrationKey Key, Guid Id, int Version, Outcome Outcome, string State, bool Withdrawn, byte[]? NumberKey, byte[]? Cipher, string? BatchId)>();
        await using (var command = new NpgsqlCommand(
            "SELECT DISTINCT ON (r.insurer_number, r.registration_id) r.insurer_number, r.registration_id, r.id, r.version, r.outcome, r.state, " +
            "r.personal_number_key, r.personal_number_cipher, r.batch_id FROM registrations r " +
            "JOIN unnest(@insurers, @ids) AS k(insurer_number, registration_id) " +
            "ON r.insurer_number = k.insurer_number AND r.registration_id = k.registration_id " +
            "ORDER BY r.insurer_number, r.registration_id, r.version DESC", connection))
        {
            command.Parameters.AddWithValue("insurers", keys.Select(k => k.InsurerNumber).ToArray());
            command.Parameters.AddWithValue("ids", keys.Select(k => k.RegistrationId).ToArray());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var state = reader.GetString(5);
                rows.Add((new RegistrationKey(reader.GetString(0), reader.GetString(1)), reader.GetGuid(2), reader.GetInt32(3),
                    Enum.Parse<Outcome>(reader.GetString(4)), state, state == Contracts.RegistrationStates.Withdrawn,
                    reader.IsDBNull(6) ? null : reader.GetFieldValue<byte[]>(6), reader.IsDBNull(7) ? null : reader.GetFieldValue<byte[]>(7),
                    reader.IsDBNull(8) ? null : reader.GetString(8)));
            }
        }

        var findings = await LoadHoldingFindingsAsync(connection, rows.Select(r => r.Id).ToArray(), ct);
        return rows.ToDictionary(r => r.Key, r => new RecordTarget(
            r.Id, r.Version, r.Outcome, r.State, r.Withdrawn, r.NumberKey, r.NumberKey is null ? null : Convert.ToHexString(r.NumberKey),
            Masked(r.Cipher, r.Key, protector), r.BatchId, findings.GetValueOrDefault(r.Id) ?? []));
    }

    /// <summary>The operations of <paramref name="keys"/> (record and operation key) already applied.</summary>
    public static async Task<Dictionary<(RegistrationKey, string), AppliedOperationRef>> LoadAppliedAsync(
        NpgsqlConnection connection, IReadOnlyCollection<(RegistrationKey Record, string OperationKey)> keys, CancellationToken ct)
    {
        var applied = new Dictionary<(RegistrationKey, string), AppliedOperationRef>();
        if (keys.Count == 0)
        {
            return applied;
        }

        await using var command = new NpgsqlCommand(
            "SELECT o.insurer_number, o.registration_id, o.operation_key, o.version_id, o.outcome, o.notice_id FROM registration_operations o " +
            "JOIN unnest(@insurers, @ids, @keys) AS k(insurer_number, registration_id, operation_key) " +
            "ON o.insurer_number = k.insurer_number AND o.registration_id = k.registration_id AND o.operation_key = k.operation_key", connection);
        command.Parameters.AddWithValue("insurers", keys.Select(k => k.Record.InsurerNumber).ToArray());
        command.Parameters.AddWithValue("ids", keys.Select(k => k.Record.RegistrationId).ToArray());
        command.Parameters.AddWithValue("keys", keys.Select(k => k.OperationKey).ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            applied[(new RegistrationKey(reader.GetString(0), reader.GetString(1)), reader.GetString(2))] =
                new AppliedOperationRef(reader.GetGuid(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetGuid(5));
        }

        return applied;
    }

    private static async Task<Dictionary<Guid, List<OpenFinding>>> LoadHoldingFindingsAsync(NpgsqlConnection connection, Guid[] versionIds, CancellationToken ct)
    {
        var findings = new Dictionary<Guid, List<OpenFinding>>();
        if (versionIds.Length == 0)
        {
            return findings;
        }

        await using var command = new NpgsqlCommand(
            "SELECT registration_id, id, code, status, conflicting_registration_ids FROM findings " +
            "WHERE registration_id = ANY(@ids) AND status = ANY(@holding) ORDER BY created_at", connection);
        command.Parameters.AddWithValue("ids", versionIds);
        command.Parameters.AddWithValue("holding", FindingStatuses.Holding.ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetGuid(0);
            if (!findings.TryGetValue(id, out var list))
            {
                findings[id] = list = [];
            }

            list.Add(new OpenFinding(reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<Guid[]>(4)));
        }

        return findings;
    }

    /// <summary>The version's number as notices show it; null when none was sent or it cannot be read.</summary>
    private static string? Masked(byte[]? cipher, RegistrationKey key, PersonalNumberProtector protector)
    {
        if (cipher is null)
        {
            return null;
        }

        var text = protector.Decrypt(cipher, PersonalDataBinding.Registration(key.InsurerNumber, key.RegistrationId));
        return PersonalNumber.Parse(text) is { IsValid: true } number ? number.Value.Masked : null;
    }
}
