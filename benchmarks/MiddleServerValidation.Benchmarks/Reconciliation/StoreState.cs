using Npgsql;

namespace MiddleServerValidation.Benchmarks.Reconciliation;

/// <summary>Puts a benchmark store back as seeded, so every run re-checks the same work.</summary>
internal static class StoreState
{
    public static async Task ResetAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        foreach (var sql in new[]
        {
            // A benchmark database of its own, as its owner: the append-only trigger of the case history is lifted for the reset alone.
            "ALTER TABLE case_events DISABLE TRIGGER case_events_append_only",
            "TRUNCATE notices, findings, case_assignments, case_events, finding_suppressions, correction_files, data_quality_snapshots, " +
            "reconciliation_steps, reconciliation_runs",
            "ALTER TABLE case_events ENABLE TRIGGER case_events_append_only",
            "UPDATE registrations SET outcome = 'Accepted', state = 'Usable', rule_set_version = '2026.11.1', " +
            "reasons = '[{\"code\":\"JlisConfirmed\",\"field\":null,\"message\":\"住民基本台帳（J-LIS）の本人確認情報と一致しました。\"}]' " +
            "WHERE outcome = 'Suspected' OR state <> 'Usable'",
            // What autovacuum does to an insert-heavy table in production: the visibility map the re-check's index-only scan relies on.
            "VACUUM (ANALYZE) registrations",
        })
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
