namespace MiddleServerValidation.Domain.CrossCheck;

/// <summary>
/// The outcome of one registration: the reasons for the insurer (Japanese, only about its own record) and
/// the findings for staff (with the other side's values).
/// </summary>
/// <param name="EarlierSuspects">Earlier registrations J-LIS shows to be wrong instead of this one (null: none).</param>
public sealed record Decision(
    Outcome Outcome, IReadOnlyList<Reason> Reasons, IReadOnlyList<Finding> Findings, IReadOnlyList<EarlierSuspect>? EarlierSuspects = null)
{
    /// <summary>
    /// For a registration without a number: the number J-LIS's search found, all five facts the same (null: none). Kept
    /// for its insurer to obtain once; never in a reason but masked. A <see cref="PersonalNumbers.PersonalNumber"/> prints masked.
    /// </summary>
    public PersonalNumbers.PersonalNumber? FoundNumber { get; init; }

    /// <summary>The earlier registrations to hold and notify; empty for almost every decision.</summary>
    public IReadOnlyList<EarlierSuspect> Suspects => EarlierSuspects ?? [];

    /// <summary>The decision whose outcome is the most severe of its reasons (warnings never lower it).</summary>
    public static Decision Of(IReadOnlyList<Reason> reasons, IReadOnlyList<Finding> findings, IReadOnlyList<EarlierSuspect>? earlierSuspects = null) =>
        new(ReasonCatalog.CombinedOutcome(reasons), reasons, findings, earlierSuspects is { Count: > 0 } ? earlierSuspects : null);

    /// <summary>A record that failed validation: Rejected, with every problem the reader found.</summary>
    public static Decision Rejected(IReadOnlyList<Reason> problems) =>
        problems.Count == 0
            ? throw new ArgumentException("A rejection needs at least one problem.", nameof(problems))
            : Of(problems, []);
}
