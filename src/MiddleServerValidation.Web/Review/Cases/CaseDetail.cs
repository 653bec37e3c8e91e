using MiddleServerValidation.Contracts;
using MiddleServerValidation.Persistence.Findings;
using MiddleServerValidation.Persistence.Registrations;
using MiddleServerValidation.Persistence.Review;

namespace MiddleServerValidation.Web.Review.Cases;

/// <summary>Everything the case page shows, read in one go.</summary>
public sealed class CaseDetail
{
    public required StoredFinding Finding { get; init; }
    public required StoredRegistration Registration { get; init; }

    /// <summary>The earlier registrations the finding conflicts with, oldest first.</summary>
    public required IReadOnlyList<StoredRegistration> Conflicting { get; init; }

    public required ResidentAnswerView Answer { get; init; }
    public required Comparison Comparison { get; init; }
    public required IReadOnlyList<DifferenceView> Differences { get; init; }
    public required IReadOnlyList<NoticeView> Notices { get; init; }
    public required IReadOnlyList<CaseEvent> Events { get; init; }
    public CaseAssignment? Assignment { get; init; }
}

/// <summary>The records side by side: a column per record, a row per field.</summary>
public sealed record Comparison(IReadOnlyList<ComparisonColumn> Columns, IReadOnlyList<ComparisonRow> Rows);

public sealed record ComparisonColumn(string Title, string Subtitle, bool IsCandidate);

public sealed record ComparisonRow(string Label, IReadOnlyList<ComparisonCell> Cells, bool Compared);

/// <summary><paramref name="Differs"/>: not the new registration's value; <paramref name="Evidence"/>: the rule named this field.</summary>
public sealed record ComparisonCell(string Text, bool Differs, bool Evidence);

/// <summary>What J-LIS answered when this registration was decided.</summary>
public sealed record ResidentAnswerView(string Status, string? KanaName, DateOnly? BirthDate, string? Sex, string? Cause)
{
    public const string NotAsked = nameof(NotAsked);
}

public sealed record DifferenceView(string Field, string CandidateValue, string OtherValue, string Source);

public sealed record NoticeView(RegistrationNotice Notice, DateTimeOffset CreatedAt, DateTimeOffset? DispatchedAt);
