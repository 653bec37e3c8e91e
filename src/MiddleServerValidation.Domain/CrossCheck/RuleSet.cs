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
    /// <summary>
    /// Which registrations J-LIS is asked about. A setting, not part of the version: the sets in <see cref="RuleSets"/>
    /// check only those without history (what the pure engine's callers and older tests expect); the service decides
    /// with <see cref="WithPolicy"/> of its setting, every registration by default.
    /// </summary>
    public JlisCheckPolicy JlisCheck { get; init; } = JlisCheckPolicy.WithoutHistory;

    /// <summary>True for the set every decision of the running service uses (whatever its J-LIS policy).</summary>
    public bool IsCurrent => string.Equals(Version, RuleSets.Current.Version, StringComparison.Ordinal);

    /// <summary>This set, deciding under <paramref name="policy"/>.</summary>
    public RuleSet WithPolicy(JlisCheckPolicy policy) => policy == JlisCheck ? this : this with { JlisCheck = policy };

    public override string ToString() => Version;
}
