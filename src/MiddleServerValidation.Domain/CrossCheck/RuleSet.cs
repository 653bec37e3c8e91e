namespace MiddleServerValidation.Domain.CrossCheck;

/// <summary>
/// One version of the cross-check rules. The rules themselves live in the engine once; a rule set says
/// which of them apply, so an older and a newer version can be run side by side on the same store.
/// </summary>
/// <param name="Version">Recorded on every finding raised under this set.</param>
/// <param name="Description">What changed in this version, in Japanese (shown by <c>reconcile --dry-run</c>).</param>
/// <param name="ChecksSexAgainstHistory">
/// Same number, birthdate and name, another sex than an earlier registration (<see cref="RuleIds.HistorySex"/>).
/// </param>
public sealed record RuleSet(string Version, string Description, bool ChecksSexAgainstHistory)
{
    /// <summary>True for the set every decision of the running service uses.</summary>
    public bool IsCurrent => ReferenceEquals(this, RuleSets.Current);

    public override string ToString() => Version;
}
