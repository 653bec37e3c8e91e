using MiddleServerValidation.Reconciliation.Runs;
using Npgsql;

namespace MiddleServerValidation.Reconciliation.Snapshots;

/// <summary>(d) Records the day's data-quality figures per insurer; every figure of every insurer, zeros included.</summary>
internal sealed class SnapshotStep(NpgsqlDataSource dataSource, TimeProvider clock) : IReconciliationStep
{
    public string Name => ReconciliationSteps.Snapshot;

    public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var figures = await SnapshotQueries.MeasureAsync(connection, cancellationToken);
        var insurers = figures.Keys.Select(k => k.Insurer).Distinct().Order(StringComparer.Ordinal).ToList();
        var rows = insurers
            .SelectMany(insurer => DataQualityKpis.All.Select(kpi => (insurer, kpi, figures.GetValueOrDefault((insurer, kpi)))))
            .ToList();
        await SnapshotQueries.ReplaceDayAsync(connection, context.Run.RunDate, context.Run.Id, rows, clock.GetUtcNow(), cancellationToken);
        return new StepResult(new Dictionary<string, long>
        {
            ["insurers"] = insurers.Count,
            ["registrations"] = rows.Where(r => r.kpi == DataQualityKpis.Registrations).Sum(r => r.Item3),
            ["open_cases"] = rows.Where(r => r.kpi == DataQualityKpis.OpenCases).Sum(r => r.Item3),
        });
    }
}
