namespace MiddleServerValidation.Domain.CrossCheck;

/// <summary>
/// The outcome of one registration: the reasons for the insurer (Japanese, only about its own record) and
/// the findings for staff (with the other side's values).
/// </summary>
public sealed record Decision(Outcome Outcome, IReadOnlyList<Reason> Reasons, IReadOnlyList<Finding> Findings)
{
    /// <summary>The decision whose outcome is the most severe of its reasons (warnings never lower it).</summary>
    public static Decision Of(IReadOnlyList<Reason> reasons, IReadOnlyList<Finding> findings) =>
        new(ReasonCatalog.CombinedOutcome(reasons), reasons, findings);

    /// <summary>A record that failed validation: Rejected, with every problem the reader found.</summary>
    public static Decision Rejected(IReadOnlyList<Reason> problems) =>
        problems.Count == 0
            ? throw new ArgumentException("A rejection needs at least one problem.", nameof(problems))
            : Of(problems, []);
}
