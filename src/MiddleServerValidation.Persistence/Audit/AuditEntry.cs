namespace MiddleServerValidation.Persistence.Audit;

/// <summary>One line of the audit log: who did what, when, to which case. Never changed or deleted.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>
    /// The staff user name; for a failed sign-in under a name no account has, a fixed label with a keyed fingerprint
    /// of the name, never the name as typed.
    /// </summary>
    public required string Actor { get; set; }

    public string? ActorRole { get; set; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    public Guid? FindingId { get; set; }

    /// <summary>What else matters (filters of an export, the reason of a decision); never a plain personal number.</summary>
    public required string Details { get; set; }

    public string? ClientAddress { get; set; }
}
