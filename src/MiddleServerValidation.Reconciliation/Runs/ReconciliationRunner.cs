using System.Diagnostics;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Persistence.Reconciliation;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MiddleServerValidation.Reconciliation.Runs;

/// <summary>
/// Runs reconciliation under the run lock: first resumes a run a crashed process left open (its finished steps
/// are not redone, its long step continues from its checkpoint), then starts the requested one. A failing step
/// ends the run as Failed, with the error on the run and step records and in the log.
/// </summary>
public sealed class ReconciliationRunner
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly RunStore _store;
    private readonly IReadOnlyDictionary<string, IReconciliationStep> _steps;
    private readonly TimeProvider _clock;
    private readonly ILogger<ReconciliationRunner> _logger;

    internal ReconciliationRunner(
        NpgsqlDataSource dataSource, RunStore store, IEnumerable<IReconciliationStep> steps, TimeProvider clock, ILogger<ReconciliationRunner> logger)
    {
        _dataSource = dataSource;
        _store = store;
        _steps = steps.ToDictionary(step => step.Name, StringComparer.Ordinal);
        _clock = clock;
        _logger = logger;
    }

    public async Task<RunOutcome> RunAsync(RunRequest request, CancellationToken cancellationToken)
    {
        await using var held = await ReconciliationLock.TryAcquireAsync(_dataSource, cancellationToken);
        if (held is null)
        {
            _logger.LogInformation("Reconciliation ({Trigger}) skipped: another process holds the reconciliation lock", request.Trigger);
            return RunOutcome.LockBusy;
        }

        if (await _store.TakeCrashedAsync(_clock.GetUtcNow(), cancellationToken) is { } crashed)
        {
            _logger.LogWarning("Resuming reconciliation run {RunId} of {RunDate}, left unfinished by a stopped process", crashed.Id, crashed.RunDate);
            var resumed = await ExecuteAsync(crashed, request.Progress, resumed: true, cancellationToken);
            // The schedule still owes the day its own run; a command asked for one run and got it.
            var scheduleStillDue = request.Trigger == ReconciliationTriggers.Schedule
                && !await _store.ScheduledRunEndedAsync(request.RunDate, cancellationToken);
            if (resumed.Kind == RunOutcomeKind.Interrupted || !scheduleStillDue)
            {
                return resumed;
            }
        }

        if (request.Trigger == ReconciliationTriggers.Schedule && await _store.ScheduledRunEndedAsync(request.RunDate, cancellationToken))
        {
            _logger.LogInformation("Reconciliation of {RunDate} already ran; not run again", request.RunDate);
            return RunOutcome.AlreadyDone;
        }

        var run = new ReconciliationRun
        {
            Id = Guid.CreateVersion7(),
            RunDate = request.RunDate,
            Trigger = request.Trigger,
            RuleSetVersion = RuleSets.Current.Version,
            Steps = [.. request.Steps],
            Status = ReconciliationRunStatuses.Running,
            StartedAt = _clock.GetUtcNow(),
            Host = Environment.MachineName,
        };
        await _store.CreateAsync(run, cancellationToken);
        return await ExecuteAsync(run, request.Progress, resumed: false, cancellationToken);
    }

    private async Task<RunOutcome> ExecuteAsync(
        ReconciliationRun run, IProgress<ReconciliationProgress>? progress, bool resumed, CancellationToken cancellationToken)
    {
        _logger.LogInformation("Reconciliation run {RunId} of {RunDate} ({Trigger}): steps {Steps}", run.Id, run.RunDate, run.Trigger, string.Join(",", run.Steps));
        var records = (await _store.StepsOfAsync(run.Id, cancellationToken)).ToDictionary(s => s.Step, StringComparer.Ordinal);
        var warnings = records.Values.Any(r => r.Status == ReconciliationStepStatuses.Finished && r.Warning is not null);
        foreach (var name in ReconciliationSteps.Ordered.Where(run.Steps.Contains))
        {
            records.TryGetValue(name, out var record);
            if (record?.Status == ReconciliationStepStatuses.Finished)
            {
                _logger.LogInformation("Reconciliation step {Step} of run {RunId} already finished; not redone", name, run.Id);
                continue;
            }

            var step = _steps[name];
            await _store.StartStepAsync(run.Id, name, _clock.GetUtcNow(), cancellationToken);
            var context = new StepContext(run, name, record?.Checkpoint, RunStore.CountsOf(record), progress);
            var stopwatch = Stopwatch.StartNew();
            StepResult result;
            try
            {
                result = await step.ExecuteAsync(context, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning("Reconciliation run {RunId} stopped during step {Step}; the next run resumes it", run.Id, name);
                return await OutcomeAsync(RunOutcomeKind.Interrupted, run, resumed);
            }
            catch (Exception e)
            {
                _logger.LogError(e, "Reconciliation run {RunId} failed in step {Step} after {Elapsed} ms", run.Id, name, stopwatch.ElapsedMilliseconds);
                await RecordFailureAsync(run, name, $"{e.GetType().Name}: {e.Message}");
                return await OutcomeAsync(RunOutcomeKind.Failed, run, resumed);
            }

            await _store.FinishStepAsync(run.Id, name, result, _clock.GetUtcNow(), cancellationToken);
            _logger.LogInformation("Reconciliation step {Step} of run {RunId} finished in {Elapsed} ms: {Counts}",
                name, run.Id, stopwatch.ElapsedMilliseconds, string.Join(", ", result.Counts.Select(c => $"{c.Key}={c.Value}")));
            if (result.Warning is not null)
            {
                warnings = true;
                _logger.LogWarning("Reconciliation step {Step} of run {RunId} left work for later: {Warning}", name, run.Id, result.Warning);
            }
        }

        var status = warnings ? ReconciliationRunStatuses.SucceededWithWarnings : ReconciliationRunStatuses.Succeeded;
        await _store.FinishRunAsync(run.Id, status, null, _clock.GetUtcNow(), cancellationToken);
        _logger.LogInformation("Reconciliation run {RunId} of {RunDate} ended: {Status}", run.Id, run.RunDate, status);
        return await OutcomeAsync(warnings ? RunOutcomeKind.SucceededWithWarnings : RunOutcomeKind.Succeeded, run, resumed);
    }

    private async Task RecordFailureAsync(ReconciliationRun run, string step, string error)
    {
        try
        {
            await _store.FailStepAsync(run.Id, step, error, _clock.GetUtcNow(), CancellationToken.None);
            await _store.FinishRunAsync(run.Id, ReconciliationRunStatuses.Failed, $"{step}: {error}", _clock.GetUtcNow(), CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // The database itself is failing: the run stays Running and the next run resumes it.
            _logger.LogError(e, "Could not record the failure of reconciliation run {RunId}", run.Id);
        }
    }

    private async Task<RunOutcome> OutcomeAsync(RunOutcomeKind kind, ReconciliationRun run, bool resumed)
    {
        var steps = await _store.StepsOfAsync(run.Id, CancellationToken.None);
        var refreshed = await _store.FindRunAsync(run.Id, CancellationToken.None) ?? run;
        return new RunOutcome(kind, refreshed, steps, resumed);
    }
}
