using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Persistence.Reconciliation;
using MiddleServerValidation.Reconciliation.Recheck;
using MiddleServerValidation.Reconciliation.Runs;
using Microsoft.Extensions.Logging;
using Npgsql;
using MiddleServerValidation.Processing.Findings;

namespace MiddleServerValidation.Reconciliation.DryRun;

/// <summary>
/// <c>reconcile --dry-run --rules VERSION</c>: re-checks the store with the current and the proposed rule set side
/// by side and reports the difference. Writes nothing but its own run record, so it may run beside a real run.
/// </summary>
public sealed class RuleChangePreview(
    NpgsqlDataSource dataSource, PersonalNumberProtector protector, RunStore store, ReconciliationOptions options, TimeProvider clock,
    ILogger<RuleChangePreview> logger)
{
    public async Task<RuleChangeDiff> PreviewAsync(RuleSet proposed, IProgress<ReconciliationProgress>? progress, CancellationToken cancellationToken)
    {
        var run = new ReconciliationRun
        {
            Id = Guid.CreateVersion7(),
            RunDate = Domain.TokyoCalendar.Today(clock),
            Trigger = ReconciliationTriggers.DryRun,
            RuleSetVersion = proposed.Version,
            Steps = [ReconciliationSteps.Recheck],
            Status = ReconciliationRunStatuses.Running,
            StartedAt = clock.GetUtcNow(),
            Host = Environment.MachineName,
        };
        await store.CreateAsync(run, cancellationToken);
        await store.StartStepAsync(run.Id, ReconciliationSteps.Recheck, run.StartedAt, cancellationToken);
        try
        {
            var diff = await CompareAsync(run, proposed, progress, cancellationToken);
            var counts = new Dictionary<string, long>
            {
                ["numbers"] = diff.Numbers, ["added"] = diff.Added, ["disappearing"] = diff.Disappearing, ["current_unrecorded"] = diff.CurrentUnrecorded,
            };
            await store.FinishStepAsync(run.Id, ReconciliationSteps.Recheck, new StepResult(counts), clock.GetUtcNow(), cancellationToken);
            await store.FinishRunAsync(run.Id, ReconciliationRunStatuses.Succeeded, null, clock.GetUtcNow(), cancellationToken);
            return diff;
        }
        catch (Exception e)
        {
            // A dry run is never resumed: an interrupted one is closed as failed.
            logger.LogError(e, "Rule-change dry run {RunId} for {Version} failed", run.Id, proposed.Version);
            await store.FinishRunAsync(run.Id, ReconciliationRunStatuses.Failed, $"{e.GetType().Name}: {e.Message}", clock.GetUtcNow(), CancellationToken.None);
            throw;
        }
    }

    private async Task<RuleChangeDiff> CompareAsync(
        ReconciliationRun run, RuleSet proposed, IProgress<ReconciliationProgress>? progress, CancellationToken ct)
    {
        var suppressions = await PairSuppressions.LoadAsync(dataSource, ct);
        var current = new RecheckDecider(protector, RuleSets.Current, suppressions);
        var next = new RecheckDecider(protector, proposed, suppressions);
        var (currentCounts, nextCounts) = (new RecheckCounts(), new RecheckCounts());
        var rows = new Dictionary<(string Insurer, string Code), long[]>();
        void Count(string insurer, string code, int column)
        {
            if (!rows.TryGetValue((insurer, code), out var values))
            {
                rows[(insurer, code)] = values = new long[3];
            }

            values[column]++;
        }

        await foreach (var batch in RecheckReader.ReadAsync(dataSource, [], options.RecheckBatchSize, ct))
        {
            var (before, after) = (new RecheckResult(), new RecheckResult());
            foreach (var group in batch.Groups)
            {
                current.Decide(group, batch.Findings, currentCounts, before);
                next.Decide(group, batch.Findings, nextCounts, after);
            }

            foreach (var found in after.New.Where(n => !before.Raised.ContainsKey(n.Identity)))
            {
                Count(found.Row.InsurerNumber, found.Identity.Code, 0);
            }

            foreach (var (identity, insurer) in before.Raised.Where(r => !after.Raised.ContainsKey(r.Key)))
            {
                Count(insurer, identity.Code, 1);
            }

            foreach (var found in before.New)
            {
                Count(found.Row.InsurerNumber, found.Identity.Code, 2);
            }

            progress?.Report(new ReconciliationProgress(run.Id, ReconciliationSteps.Recheck, new Dictionary<string, long> { ["numbers"] = currentCounts.Numbers }));
        }

        return new RuleChangeDiff(RuleSets.Current.Version, proposed.Version, currentCounts.Numbers,
            rows.OrderBy(r => r.Key.Insurer, StringComparer.Ordinal).ThenBy(r => r.Key.Code, StringComparer.Ordinal)
                .Select(r => new RuleChangeRow(r.Key.Insurer, r.Key.Code, r.Value[0], r.Value[1], r.Value[2])).ToList());
    }
}
