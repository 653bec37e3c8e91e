namespace MiddleServerValidation.Persistence.Findings;

/// <summary>A suspected error found by a rule: the case operations staff review.</summary>
public sealed class StoredFinding
{
    public Guid Id { get; set; }
    public Guid RegistrationId { get; set; }
    public required string InsurerNumber { get; set; }
    public required string Code { get; set; }
    public required string RuleId { get; set; }
    public required string RuleSetVersion { get; set; }

    /// <summary>Which fields differed and from what (staff only; never sent to the insurer), JSON.</summary>
    public required string DifferencesJson { get; set; }

    public Guid[] ConflictingRegistrationIds { get; set; } = [];
    public required string Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was last closed (by staff or by its insurer); null while it is open or confirmed.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
}

/// <summary>
/// Where a case stands. A finding is identified by its registration, its code and the earlier
/// registrations it conflicts with; a Dismissed one (理由付き疑いなし) stays dismissed in every later check.
/// </summary>
public static class FindingStatuses
{
    /// <summary>Flagged, waiting for staff.</summary>
    public const string Open = nameof(Open);

    /// <summary>Staff confirmed the error; the insurer has been told to correct the record.</summary>
    public const string Confirmed = nameof(Confirmed);

    /// <summary>理由付き疑いなし: no error, with a recorded reason; suppresses the same finding for the same records.</summary>
    public const string Dismissed = nameof(Dismissed);

    /// <summary>Closed by its insurer's correction: the version it was raised on was replaced.</summary>
    public const string Corrected = nameof(Corrected);

    /// <summary>Closed by its insurer's withdrawal of the record.</summary>
    public const string Withdrawn = nameof(Withdrawn);

    /// <summary>Closed by its insurer's 理由付き疑いなし; suppresses the same finding for the same records, as a dismissal does.</summary>
    public const string Answered = nameof(Answered);

    /// <summary>The statuses of a finding that still holds its registration (閲覧停止).</summary>
    public static readonly IReadOnlyList<string> Holding = [Open, Confirmed];

    public static bool IsClosed(string status) => !Holding.Contains(status);
}
