namespace MiddleServerValidation.Persistence.Reconciliation;

/// <summary>
/// Progress of one step of a run. <see cref="Checkpoint"/> is where a long step resumes (the re-check keeps
/// the last personal-number key it committed); <see cref="CountsJson"/> holds what the step did.
/// </summary>
public sealed class ReconciliationStepRecord
{
    public Guid RunId { get; set; }
    public required string Step { get; set; }
    public required string Status { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string CountsJson { get; set; } = "{}";
    public byte[]? Checkpoint { get; set; }

    /// <summary>Finished, but with something left over, in Japanese for operators.</summary>
    public string? Warning { get; set; }

    public string? Error { get; set; }
}

public static class ReconciliationStepStatuses
{
    public const string Running = nameof(Running);
    public const string Finished = nameof(Finished);
    public const string Failed = nameof(Failed);
}
