namespace MiddleServerValidation.Contracts;

/// <summary>
/// The outcome of one registration, sent to the registering insurer's own queue
/// (<c>notices.{insurerNumber}</c>). It never carries another insurer's data.
/// </summary>
public sealed record RegistrationNotice
{
    /// <summary>Deterministic: the same registration and outcome always give the same id.</summary>
    public Guid NoticeId { get; init; }

    public required string RegistrationId { get; init; }

    public string? BatchId { get; init; }

    public required string InsurerNumber { get; init; }

    /// <summary>
    /// <c>Accepted</c>, <c>Rejected</c>, <c>Suspected</c> or <c>Pending</c> (see <see cref="Outcomes"/>); for a withdrawal
    /// <c>Withdrawn</c>, for an answer <c>Answered</c>, for an operation that could not be applied <c>Rejected</c>.
    /// </summary>
    public required string Outcome { get; init; }

    /// <summary>The operation this notice answers (<see cref="RegistrationOperations"/>); null for a registration.</summary>
    public string? Operation { get; init; }

    /// <summary>The record's version the notice speaks of (1 for the registration, then one more per correction); null when none was stored.</summary>
    public int? Version { get; init; }

    /// <summary>The record's usability after this notice (<see cref="RegistrationStates"/>); null when nothing was stored.</summary>
    public string? State { get; init; }

    public IReadOnlyList<NoticeReason> Reasons { get; init; } = [];

    /// <summary>The personal number with all but the last four digits masked (<c>********9018</c>).</summary>
    public string? PersonalNumberMasked { get; init; }

    public DateTimeOffset IssuedAt { get; init; }
}

/// <summary>One reason behind an outcome: a code from the published list, the field it concerns, a message in Japanese.</summary>
public sealed record NoticeReason
{
    public required string Code { get; init; }

    public string? Field { get; init; }

    public required string Message { get; init; }
}
