using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Reconciliation.Runs;
using Microsoft.Extensions.Logging;
using Npgsql;
using MiddleServerValidation.Processing.Findings;

namespace MiddleServerValidation.Reconciliation.Recheck;

/// <summary>
/// (b) Re-checks every number with more than one registration under the current rule set, finding what single
/// checks missed: registrations that raced each other, and conflicts only a rule added later sees. Resumes from
/// the last committed number key.
/// </summary>
internal sealed class RecheckStep(
    NpgsqlDataSource dataSource, PersonalNumberProtector protector, ReconciliationOptions options, TimeProvider clock,
    ILogger<RecheckStep> logger) : IReconciliationStep
{
    public string Name => ReconciliationSteps.Recheck;

    public async Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var counts = RecheckCounts.From(context.Counts);
        var decider = new RecheckDecider(protector, RuleSets.Current, await PairSuppressions.LoadAsync(dataSource, cancellationToken));
        if (context.Checkpoint is not null)
        {
            logger.LogInformation("Re-check of run {RunId} resumes after its last checkpoint ({Numbers} numbers done)", context.Run.Id, counts.Numbers);
        }

        await foreach (var batch in RecheckReader.ReadAsync(dataSource, context.Checkpoint ?? [], options.RecheckBatchSize, cancellationToken))
        {
            var result = new RecheckResult();
            foreach (var group in batch.Groups)
            {
                decider.Decide(group, batch.Findings, counts, result);
            }

            await RecheckWriter.WriteAsync(dataSource, context, result, batch.Checkpoint, counts, clock.GetUtcNow(), cancellationToken);
            if (result.New.Count > 0)
            {
                logger.LogInformation("Re-check raised {Count} new findings ({Codes})", result.New.Count,
                    string.Join(", ", result.New.GroupBy(n => n.Identity.Code).Select(g => $"{g.Key}={g.Count()}")));
            }

            context.Report(counts.ToDictionary());
        }

        var warning = counts.Unreadable == 0
            ? null
            : $"復号・読み取りのできない登録が {counts.Unreadable:N0} 件あり、再照合できませんでした（個人番号の鍵の設定を確認してください）。";
        return new StepResult(counts.ToDictionary(), warning);
    }
}
