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
            "TRUNCATE notices, findings, correction_files, data_quality_snapshots, reconciliation_steps, reconciliation_runs",
            "UPDATE registrations SET outcome = 'Accepted', rule_set_version = '2026.11.1', " +
            "reasons = '[{\"code\":\"JlisConfirmed\",\"field\":null,\"message\":\"住民基本台帳（J-LIS）の本人確認情報と一致しました。\"}]' " +
            "WHERE outcome = 'Suspected'",
            // What autovacuum does to an insert-heavy table in production: the visibility map the re-check's index-only scan relies on.
            "VACUUM (ANALYZE) registrations",
        })
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
