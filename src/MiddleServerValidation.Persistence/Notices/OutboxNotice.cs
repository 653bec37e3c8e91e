namespace MiddleServerValidation.Persistence.Notices;

/// <summary>
/// A message written in the same transaction as the change it reports and published from here, so a crash between
/// commit and publish loses nothing: a notice to an insurer (<see cref="OutboxKinds.Notice"/>), or a registration's
/// state event for downstream systems (<see cref="OutboxKinds.StateEvent"/>).
/// </summary>
public sealed class OutboxNotice
{
    public string Kind { get; set; } = OutboxKinds.Notice;

    /// <summary>Numbers the rows in the order they were written (assigned by the database).</summary>
    public long Seq { get; set; }

    public Guid NoticeId { get; set; }
    /// <summary>Null for a notice that answers a message which was not stored (a refusal).</summary>
    public Guid? RegistrationId { get; set; }
    public required string InsurerNumber { get; set; }
    /// <summary>A notice's outcome; a state event's new state.</summary>
    public required string Outcome { get; set; }

    /// <summary>The <c>RegistrationNotice</c> or <c>RegistrationStateChanged</c> as JSON.</summary>
    public required string PayloadJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DispatchedAt { get; set; }

    /// <summary>Until when a dispatcher holds the row to publish it; another takes it after that.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    public Guid? ClaimedBy { get; set; }
}

public static class OutboxKinds
{
    public const string Notice = "notice";
    public const string StateEvent = "state";
}
