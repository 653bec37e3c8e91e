namespace MiddleServerValidation.Reconciliation.DryRun;

/// <summary>
/// What switching on a rule-set version would change, per insurer and reason code: findings it would add
/// (not raised by the current set, not stored yet) and findings of the current set it would no longer raise.
/// <see cref="RuleChangeRow.CurrentUnrecorded"/> is what the current set itself would add on the next run.
/// </summary>
public sealed record RuleChangeDiff(string CurrentVersion, string ProposedVersion, long Numbers, IReadOnlyList<RuleChangeRow> Rows)
{
    public long Added => Rows.Sum(r => r.Added);
    public long Disappearing => Rows.Sum(r => r.Disappearing);
    public long CurrentUnrecorded => Rows.Sum(r => r.CurrentUnrecorded);
}

public sealed record RuleChangeRow(string InsurerNumber, string Code, long Added, long Disappearing, long CurrentUnrecorded);
