using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Domain.Registration;
using MiddleServerValidation.Processing.Decisions;
using Npgsql;

namespace MiddleServerValidation.Processing.Storage;

/// <summary>The set-based reads of the decision step: one query per chunk, not one per record.</summary>
public static class HistoryQueries
{
    /// <summary>
    /// Earlier accepted registrations in use (a version replaced by a correction or withdrawn is not) for every number key
    /// of the chunk, grouped by key (hex), in decision order.
    /// </summary>
    public static async Task<HistoryBook> LoadHistoryAsync(NpgsqlConnection connection, IReadOnlyCollection<byte[]> numberKeys, CancellationToken ct)
    {
        var history = HistoryBook.Empty();
        if (numberKeys.Count == 0)
        {
            return history;
        }

        await using var command = new NpgsqlCommand(
            "SELECT personal_number_key, id, insurer_number, birth_date, kana_name, sex FROM registrations " +
            "WHERE personal_number_key = ANY(@keys) AND outcome = 'Accepted' AND retired_at IS NULL ORDER BY decided_at", connection);
        command.Parameters.AddWithValue("keys", numberKeys.ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            history.Add(Convert.ToHexString(reader.GetFieldValue<byte[]>(0)), new EarlierRegistration(
                reader.GetGuid(1),
                reader.GetString(2),
                reader.GetFieldValue<DateOnly>(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : (Sex)reader.GetInt16(5)));
        }

        return history;
    }

    /// <summary>Registrations already stored under the chunk's idempotency keys: the latest version of each.</summary>
    public static async Task<Dictionary<RegistrationKey, ExistingRegistration>> LoadExistingAsync(
        NpgsqlConnection connection, IReadOnlyCollection<RegistrationKey> keys, CancellationToken ct)
    {
        var existing = new Dictionary<RegistrationKey, ExistingRegistration>();
        if (keys.Count == 0)
        {
            return existing;
        }

        await using var command = new NpgsqlCommand(
            "SELECT DISTINCT ON (r.insurer_number, r.registration_id) r.insurer_number, r.registration_id, r.id, r.outcome FROM registrations r " +
            "JOIN unnest(@insurers, @ids) AS k(insurer_number, registration_id) " +
            "ON r.insurer_number = k.insurer_number AND r.registration_id = k.registration_id " +
            "ORDER BY r.insurer_number, r.registration_id, r.version DESC", connection);
        command.Parameters.AddWithValue("insurers", keys.Select(k => k.InsurerNumber).ToArray());
        command.Parameters.AddWithValue("ids", keys.Select(k => k.RegistrationId).ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            existing[new RegistrationKey(reader.GetString(0), reader.GetString(1))] = new ExistingRegistration(reader.GetGuid(2), reader.GetString(3));
        }

        return existing;
    }
}
