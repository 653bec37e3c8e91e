using MiddleServerValidation.Domain;
using Npgsql;
using static MiddleServerValidation.Reconciliation.DataQualityConditions;

namespace MiddleServerValidation.Reconciliation.Snapshots;

/// <summary>The day's figures per insurer: one scan of the registrations, and small reads of findings and lookups.</summary>
internal static class SnapshotQueries
{
    public static async Task<Dictionary<(string Insurer, string Kpi), long>> MeasureAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var figures = new Dictionary<(string, string), long>();
        await ReadAsync(connection, $"""
            SELECT insurer_number, count(*),
                   count(*) FILTER (WHERE {LostCharacter}),
                   count(*) FILTER (WHERE {CardInfoMissing}),
                   count(*) FILTER (WHERE {PersonalNumberMissing})
            FROM registrations WHERE {InUse} GROUP BY insurer_number
            """, reader =>
        {
            var insurer = reader.GetString(0);
            figures[(insurer, DataQualityKpis.Registrations)] = reader.GetInt64(1);
            figures[(insurer, DataQualityKpis.CardLostCharacter)] = reader.GetInt64(2);
            figures[(insurer, DataQualityKpis.CardInfoMissing)] = reader.GetInt64(3);
            figures[(insurer, DataQualityKpis.PersonalNumberMissing)] = reader.GetInt64(4);
        }, ct);

        await ReadAsync(connection, $"""
            SELECT insurer_number, code, count(DISTINCT registration_id) FILTER (WHERE status IN {OpenFindingStatuses}),
                   count(*) FILTER (WHERE status = 'Open')
            FROM findings GROUP BY insurer_number, code
            """, reader =>
        {
            var insurer = reader.GetString(0);
            if (Enum.TryParse<ReasonCode>(reader.GetString(1), out var code))
            {
                figures[(insurer, DataQualityKpis.Suspected(code))] = reader.GetInt64(2);
            }

            figures[(insurer, DataQualityKpis.OpenCases)] = figures.GetValueOrDefault((insurer, DataQualityKpis.OpenCases)) + reader.GetInt64(3);
        }, ct);

        await ReadAsync(connection, """
            SELECT r.insurer_number, count(*) FROM resident_lookups l JOIN registrations r ON r.id = l.registration_id
            WHERE l.status = 'Pending' GROUP BY r.insurer_number
            """, reader => figures[(reader.GetString(0), DataQualityKpis.PendingLookups)] = reader.GetInt64(1), ct);
        return figures;
    }

    /// <summary>Replaces the day's figures: a second run the same day updates them, never adds a second set.</summary>
    public static async Task ReplaceDayAsync(
        NpgsqlConnection connection, DateOnly day, Guid runId, IReadOnlyList<(string Insurer, string Kpi, long Value)> rows, DateTimeOffset now,
        CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var delete = new NpgsqlCommand("DELETE FROM data_quality_snapshots WHERE snapshot_date = @day", connection))
        {
            delete.Parameters.AddWithValue("day", day);
            await delete.ExecuteNonQueryAsync(ct);
        }

        await using (var insert = new NpgsqlCommand(
            "INSERT INTO data_quality_snapshots (snapshot_date, insurer_number, kpi, value, run_id, created_at) " +
            "SELECT @day, i, k, v, @run, @now FROM unnest(@insurers, @kpis, @values) AS u(i, k, v)", connection))
        {
            insert.Parameters.AddWithValue("day", day);
            insert.Parameters.AddWithValue("run", runId);
            insert.Parameters.AddWithValue("now", now);
            insert.Parameters.AddWithValue("insurers", rows.Select(r => r.Insurer).ToArray());
            insert.Parameters.AddWithValue("kpis", rows.Select(r => r.Kpi).ToArray());
            insert.Parameters.AddWithValue("values", rows.Select(r => r.Value).ToArray());
            await insert.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    private static async Task ReadAsync(NpgsqlConnection connection, string sql, Action<NpgsqlDataReader> read, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            read(reader);
        }
    }
}
