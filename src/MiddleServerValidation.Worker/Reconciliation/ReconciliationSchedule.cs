using MiddleServerValidation.Domain;
using MiddleServerValidation.Persistence.Reconciliation;
using MiddleServerValidation.Reconciliation;
using MiddleServerValidation.Reconciliation.Runs;

namespace MiddleServerValidation.Worker.Reconciliation;

/// <summary>
/// Runs the reconciliation once a day at <c>Reconciliation:TimeOfDay</c>, Japan time. Every worker has this
/// schedule; the run lock lets exactly one of them run, the others log that they skipped and look again later,
/// so a run a crashed worker left open is resumed by another. A worker that starts after the time of day, when
/// the day's run has not happened, runs it at once; a finished (or failed) day is not run again.
/// </summary>
public sealed class ReconciliationSchedule(
    ReconciliationRunner runner, ReconciliationOptions options, TimeProvider clock, ILogger<ReconciliationSchedule> logger) : BackgroundService
{
    // Long waits are cut so that a changed clock (or a suspended machine) is noticed within the hour.
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.ScheduleEnabled)
        {
            logger.LogInformation("Nightly reconciliation schedule is off (Reconciliation:ScheduleEnabled=false)");
            return;
        }

        logger.LogInformation("Nightly reconciliation scheduled daily at {TimeOfDay} Japan time", options.TimeOfDay);
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await RunIfDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Nightly reconciliation could not be started; trying again in {Interval}", options.LockRetryInterval);
                wait = options.LockRetryInterval;
            }

            await Task.Delay(wait < LongestWait ? wait : LongestWait, clock, stoppingToken);
        }
    }

    /// <summary>Runs the day's reconciliation when it is due, and says how long to wait before looking again.</summary>
    private async Task<TimeSpan> RunIfDueAsync(CancellationToken stoppingToken)
    {
        var today = TokyoCalendar.Today(clock);
        var due = TokyoCalendar.At(today, options.ScheduledTime());
        if (clock.GetUtcNow() < due)
        {
            return due - clock.GetUtcNow();
        }

        var outcome = await runner.RunAsync(new RunRequest(ReconciliationTriggers.Schedule, today, ReconciliationSteps.All), stoppingToken);
        switch (outcome.Kind)
        {
            case RunOutcomeKind.LockBusy:
                logger.LogInformation("Nightly reconciliation of {RunDate} skipped on this worker: another one is running it", today);
                return options.LockRetryInterval;
            case RunOutcomeKind.Failed:
                logger.LogError("Nightly reconciliation run {RunId} of {RunDate} FAILED: {Error}", outcome.Run?.Id, today, outcome.Run?.Error);
                break;
            case RunOutcomeKind.Interrupted:
                return TimeSpan.Zero;
        }

        return TokyoCalendar.At(today.AddDays(1), options.ScheduledTime()) - clock.GetUtcNow();
    }
}
