namespace MiddleServerValidation.Persistence.Notices;

/// <summary>
/// A notice written in the same transaction as its registration and published from here,
/// so a crash between commit and publish loses nothing.
/// </summary>
public sealed class OutboxNotice
{
    public Guid NoticeId { get; set; }
    /// <summary>Null for a notice that answers a message which was not stored (a refusal).</summary>
    public Guid? RegistrationId { get; set; }
    public required string InsurerNumber { get; set; }
    public required string Outcome { get; set; }

    /// <summary>The <c>RegistrationNotice</c> as JSON.</summary>
    public required string PayloadJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DispatchedAt { get; set; }

    /// <summary>Until when a dispatcher holds the row to publish it; another takes it after that.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    public Guid? ClaimedBy { get; set; }
}
