namespace MiddleServerValidation.Persistence.Reconciliation;

/// <summary>
/// One reconciliation: the Tokyo day it is for, what started it, the steps it runs and how it ended.
/// A run left <see cref="ReconciliationRunStatuses.Running"/> by a crashed process is resumed by the next one.
/// </summary>
public sealed class ReconciliationRun
{
    public Guid Id { get; set; }
    public DateOnly RunDate { get; set; }
    public required string Trigger { get; set; }
    public required string RuleSetVersion { get; set; }
    public string[] Steps { get; set; } = [];
    public required string Status { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? Error { get; set; }
    public string? Host { get; set; }
}

public static class ReconciliationRunStatuses
{
    public const string Running = nameof(Running);
    public const string Succeeded = nameof(Succeeded);

    /// <summary>Every step finished, but something is left for later (e.g. J-LIS lookups still pending).</summary>
    public const string SucceededWithWarnings = nameof(SucceededWithWarnings);
    public const string Failed = nameof(Failed);

    public static bool IsFinished(string status) => status is Succeeded or SucceededWithWarnings;
}

public static class ReconciliationTriggers
{
    /// <summary>The worker's daily schedule: at most one finished run per day.</summary>
    public const string Schedule = nameof(Schedule);

    /// <summary><c>msv reconcile</c>.</summary>
    public const string Command = nameof(Command);

    /// <summary><c>msv reconcile --dry-run</c>: computes, writes nothing but its run record.</summary>
    public const string DryRun = nameof(DryRun);
}
