using MiddleServerValidation.Reconciliation.Runs;
using MiddleServerValidation.Processing.ResidentLookups;
using Npgsql;

namespace MiddleServerValidation.Reconciliation.ResidentLookups;

/// <summary>
/// (a) Asks J-LIS again for every registration still Pending, due or not, through the same retrier the worker
/// uses. Lookups J-LIS still cannot answer stay pending (the worker keeps retrying them) and the step says so.
/// </summary>
internal sealed class JlisRetryStep(
    NpgsqlDataSource dataSource, PendingLookupRetrier retrier, ReconciliationOptions options, TimeProvider clock) : IReconciliationStep
{
    public string Name => ReconciliationSteps.JlisRetry;

    public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var pendingBefore = await MakeAllDueAsync(cancellationToken);
        var (claimed, decided) = (0L, 0L);
        // A lookup that fails again is postponed, so each is tried about once; the bound keeps a pass finite
        // even when the postponement is shorter than a pass takes.
        var passes = pendingBefore / options.LookupBatchSize + 1;
        for (var pass = 0; pass < passes; pass++)
        {
            var result = await retrier.RetryDueAsync(options.LookupBatchSize, cancellationToken);
            (claimed, decided) = (claimed + result.Claimed, decided + result.Completed);
            context.Report(Counts(pendingBefore, claimed, decided, null));
            if (result.Claimed < options.LookupBatchSize)
            {
                break;
            }
        }

        var (stillPending, cause) = await StillPendingAsync(cancellationToken);
        var warning = stillPending == 0
            ? null
            : $"J-LIS に照会できなかった登録が {stillPending:N0} 件、保留のまま残っています（原因: {cause ?? "不明"}）。ワーカーが再試行を続けます。";
        return new StepResult(Counts(pendingBefore, claimed, decided, stillPending), warning);
    }

    private static Dictionary<string, long> Counts(long pendingBefore, long claimed, long decided, long? stillPending)
    {
        var counts = new Dictionary<string, long> { ["pending_before"] = pendingBefore, ["asked"] = claimed, ["decided"] = decided };
        if (stillPending is { } value)
        {
            counts["still_pending"] = value;
        }

        return counts;
    }

    private async Task<long> MakeAllDueAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "WITH due AS (UPDATE resident_lookups SET next_attempt_at = LEAST(next_attempt_at, @now) WHERE status = 'Pending' RETURNING 1) " +
            "SELECT count(*) FROM due");
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private async Task<(long Count, string? Cause)> StillPendingAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT count(*), mode() WITHIN GROUP (ORDER BY last_error) FROM resident_lookups WHERE status = 'Pending'");
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }
}
