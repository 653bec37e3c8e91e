using System.Text.Json;
using MiddleServerValidation.Domain;
using Npgsql;

namespace MiddleServerValidation.Reconciliation.JlisAudit;

/// <summary>A stored registration in use, as the full-store check reads it: facts in the clear only after decryption, in memory.</summary>
internal sealed record AuditRow(
    Guid Id, string InsurerNumber, string RegistrationId, byte[] NumberKey, byte[] NumberCipher, DateOnly? BirthDate, string? KanaName, Sex? Sex,
    byte[]? KanjiNameCipher, byte[]? AddressCipher);

internal static class JlisAuditQueries
{
    /// <summary>
    /// The next registrations in use (current versions, Accepted) after <paramref name="after"/> in id order: ids are
    /// time-ordered UUIDs, so the primary key walks the store once, and what is registered during the check comes last.
    /// </summary>
    public static async Task<List<AuditRow>> NextAsync(NpgsqlDataSource dataSource, Guid after, int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, insurer_number, registration_id, personal_number_key, personal_number_cipher, birth_date, kana_name, sex, " +
            "kanji_name_cipher, address_cipher FROM registrations " +
            "WHERE id > @after AND retired_at IS NULL AND outcome = 'Accepted' AND personal_number_key IS NOT NULL " +
            "ORDER BY id LIMIT @limit");
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("limit", limit);
        var rows = new List<AuditRow>(limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new AuditRow(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3), reader.GetFieldValue<byte[]>(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : (Sex)reader.GetInt16(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<byte[]>(8), reader.IsDBNull(9) ? null : reader.GetFieldValue<byte[]>(9)));
        }

        return rows;
    }

    /// <summary>
    /// Where an earlier check that did not reach the end stopped (a J-LIS outage, a failure), with its counts: the
    /// latest earlier check, when it is not complete. A check runs over several runs until it has covered the store.
    /// </summary>
    public static async Task<(byte[] Checkpoint, Dictionary<string, long> Counts)?> UnfinishedAsync(
        NpgsqlDataSource dataSource, Guid currentRun, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT checkpoint, counts::text FROM reconciliation_steps WHERE step = @step AND run_id <> @run " +
            "ORDER BY started_at DESC LIMIT 1");
        command.Parameters.AddWithValue("step", ReconciliationSteps.JlisAudit);
        command.Parameters.AddWithValue("run", currentRun);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct) || reader.IsDBNull(0))
        {
            return null;
        }

        var counts = JsonSerializer.Deserialize<Dictionary<string, long>>(reader.GetString(1)) ?? [];
        return counts.GetValueOrDefault(JlisAuditCounts.Complete) == 1 ? null : (reader.GetFieldValue<byte[]>(0), counts);
    }
}
