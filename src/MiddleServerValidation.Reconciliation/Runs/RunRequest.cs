using MiddleServerValidation.Persistence.Reconciliation;

namespace MiddleServerValidation.Reconciliation.Runs;

/// <summary>A request to reconcile: who asks (<see cref="ReconciliationTriggers"/>), for which Tokyo day, which steps.</summary>
public sealed record RunRequest(string Trigger, DateOnly RunDate, IReadOnlyList<string> Steps)
{
    public IProgress<ReconciliationProgress>? Progress { get; init; }
}

public enum RunOutcomeKind
{
    /// <summary>Another process holds the run lock: nothing was done.</summary>
    LockBusy,

    /// <summary>The schedule's run for the day has already ended.</summary>
    AlreadyDone,

    Succeeded,

    /// <summary>Every step finished, with something left for later (see the steps' warnings).</summary>
    SucceededWithWarnings,
    Failed,

    /// <summary>Stopped by shutdown; the run stays open and the next run resumes it.</summary>
    Interrupted,
}

/// <summary>How a request ended, with the run it executed (null when none) and that run's steps.</summary>
public sealed record RunOutcome(RunOutcomeKind Kind, ReconciliationRun? Run, IReadOnlyList<ReconciliationStepRecord> Steps, bool Resumed)
{
    public static readonly RunOutcome LockBusy = new(RunOutcomeKind.LockBusy, null, [], false);
    public static readonly RunOutcome AlreadyDone = new(RunOutcomeKind.AlreadyDone, null, [], false);
}
