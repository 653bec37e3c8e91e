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

    /// <summary><c>Accepted</c>, <c>Rejected</c>, <c>Suspected</c> or <c>Pending</c> (see <see cref="Outcomes"/>).</summary>
    public required string Outcome { get; init; }

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
