using Npgsql;
using static MiddleServerValidation.Reconciliation.DataQualityConditions;

namespace MiddleServerValidation.Reconciliation.Corrections;

/// <summary>A record that needs correcting, for one reason (a record with several reasons comes once per reason).</summary>
internal sealed record CorrectionRow(
    string InsurerNumber, Guid Id, string RegistrationId, byte[]? NumberCipher, DateTimeOffset ReceivedAt,
    bool LostCharacter, bool CardInfoMissing, bool PersonalNumberMissing, string? FindingCode, string? FindingStatus, bool NumberFound);

internal static class CorrectionQueries
{
    /// <summary>One scan of the registrations plus the open findings, in insurer order, streamed.</summary>
    public const string Rows = $"""
        SELECT insurer_number, id, registration_id, personal_number_cipher, received_at,
               {LostCharacter}, {CardInfoMissing}, {PersonalNumberMissing}, NULL::text, NULL::text,
               ({PersonalNumberMissing}) AND EXISTS (SELECT 1 FROM found_numbers n WHERE n.registration_id = registrations.id)
        FROM registrations
        WHERE {InUse} AND (({LostCharacter}) OR ({CardInfoMissing}) OR ({PersonalNumberMissing}))
        UNION ALL
        SELECT r.insurer_number, r.id, r.registration_id, r.personal_number_cipher, r.received_at, false, false, false, f.code, f.status, false
        FROM findings f JOIN registrations r ON r.id = f.registration_id
        WHERE f.status IN {OpenFindingStatuses} AND r.{InUse}
        ORDER BY 1, 5, 2
        """;

    public static async IAsyncEnumerable<CorrectionRow> ReadAsync(
        NpgsqlConnection connection, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(Rows, connection) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            yield return new CorrectionRow(
                reader.GetString(0), reader.GetGuid(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<byte[]>(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetBoolean(5), reader.GetBoolean(6), reader.GetBoolean(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.GetBoolean(10));
        }
    }

    public static async Task<List<string>> InsurersAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(Insurers, connection);
        var insurers = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            insurers.Add(reader.GetString(0));
        }

        return insurers;
    }

    public static async Task SaveFileAsync(
        NpgsqlConnection connection, Guid runId, string insurer, string fileName, byte[] content, int rows, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO correction_files (run_id, insurer_number, file_name, content, row_count, created_at) " +
            "VALUES (@run, @insurer, @name, @content, @rows, @now) ON CONFLICT (run_id, insurer_number) DO UPDATE " +
            "SET file_name = EXCLUDED.file_name, content = EXCLUDED.content, row_count = EXCLUDED.row_count, created_at = EXCLUDED.created_at",
            connection);
        command.Parameters.AddWithValue("run", runId);
        command.Parameters.AddWithValue("insurer", insurer);
        command.Parameters.AddWithValue("name", fileName);
        command.Parameters.AddWithValue("content", content);
        command.Parameters.AddWithValue("rows", rows);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(ct);
    }
}
