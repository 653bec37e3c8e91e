namespace MiddleServerValidation.Persistence.Review;

/// <summary>One entry of a case's history: a decision or an assignment by a member of staff, or an insurer's operation. Never changed or deleted.</summary>
public sealed class CaseEvent
{
    public long Id { get; set; }
    public Guid FindingId { get; set; }

    /// <summary>One of <see cref="CaseEventKinds"/>.</summary>
    public required string Kind { get; set; }

    public required string Actor { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public required string StatusBefore { get; set; }
    public required string StatusAfter { get; set; }

    /// <summary>For a dismissal: one of the console's dismissal reasons (e.g. <c>VerifiedTwins</c>).</summary>
    public string? ReasonCategory { get; set; }

    /// <summary>What staff wrote: the reason for a dismissal or a reopening, a remark on a confirmation.</summary>
    public string? Note { get; set; }

    /// <summary>The notice this decision sent to the insurer, if any.</summary>
    public Guid? NoticeId { get; set; }
}

public static class CaseEventKinds
{
    public const string Assigned = nameof(Assigned);
    public const string Confirmed = nameof(Confirmed);
    public const string Dismissed = nameof(Dismissed);
    public const string Reopened = nameof(Reopened);

    /// <summary>The insurer corrected the record: the finding closed with the version it was raised on.</summary>
    public const string InsurerCorrected = nameof(InsurerCorrected);

    /// <summary>The insurer withdrew the record.</summary>
    public const string InsurerWithdrew = nameof(InsurerWithdrew);

    /// <summary>The insurer answered 理由付き疑いなし.</summary>
    public const string InsurerAnswered = nameof(InsurerAnswered);

    /// <summary>The actor of an insurer's operation in a case's history.</summary>
    public static string InsurerActor(string insurerNumber) => $"insurer:{insurerNumber}";
}
