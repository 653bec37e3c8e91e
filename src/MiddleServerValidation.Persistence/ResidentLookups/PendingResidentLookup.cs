namespace MiddleServerValidation.Persistence.ResidentLookups;

/// <summary>A J-LIS lookup that could not be made yet; its registration stays Pending until it is.</summary>
public sealed class PendingResidentLookup
{
    public Guid RegistrationId { get; set; }
    public required string Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}

public static class ResidentLookupStatuses
{
    public const string Pending = nameof(Pending);
    public const string Completed = nameof(Completed);

    /// <summary>Not needed any more: the registration's version was corrected or withdrawn before J-LIS could be asked.</summary>
    public const string Cancelled = nameof(Cancelled);
}
