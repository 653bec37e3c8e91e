namespace MiddleServerValidation.Persistence.Operations;

/// <summary>
/// An operation an insurer applied to its registration (<c>registration_operations</c>): once per operation key, so a
/// redelivered operation is recognised and answered with the notice it already had.
/// </summary>
public sealed class AppliedOperation
{
    public Guid Id { get; set; }
    public required string InsurerNumber { get; set; }
    public required string RegistrationId { get; set; }

    /// <summary><c>correct</c>, <c>withdraw</c> or <c>answer</c>.</summary>
    public required string Operation { get; set; }

    /// <summary>The insurer's operation id, or a keyed fingerprint of the operation's content.</summary>
    public required string OperationKey { get; set; }

    /// <summary>The version the operation created (a correction) or acted on.</summary>
    public Guid VersionId { get; set; }

    /// <summary>The version a correction replaced.</summary>
    public Guid? ReplacedVersionId { get; set; }

    public string? Reason { get; set; }

    /// <summary>The insurer's words, numbers in them masked.</summary>
    public string? Note { get; set; }

    /// <summary>The notice's outcome: the new version's for a correction, <c>Withdrawn</c>, <c>Answered</c>.</summary>
    public required string Outcome { get; set; }

    public Guid? NoticeId { get; set; }
    public int FindingsClosed { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
