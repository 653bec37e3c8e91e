namespace MiddleServerValidation.Domain.IdentityFacts;

/// <summary>How each of the five facts compared; build it with <see cref="IdentityFactComparison.Compare"/>.</summary>
public sealed record FactMatches(MatchResult KanjiName, MatchResult KanaName, MatchResult BirthDate, MatchResult Sex, MatchResult Address)
{
    public MatchResult this[IdentityFact fact] => fact switch
    {
        IdentityFact.KanjiName => KanjiName,
        IdentityFact.KanaName => KanaName,
        IdentityFact.BirthDate => BirthDate,
        IdentityFact.Sex => Sex,
        IdentityFact.Address => Address,
        _ => throw new ArgumentOutOfRangeException(nameof(fact), fact, "Unknown fact."),
    };

    /// <summary>True only when all five facts are known on both sides and agree: what taking a number from J-LIS requires.</summary>
    public bool AllSame => With(MatchResult.Same).Count == Enum.GetValues<IdentityFact>().Length;

    public bool AnyDifferent => With(MatchResult.Different).Count > 0;

    /// <summary>The facts that compared as <paramref name="result"/>, in <see cref="IdentityFact"/> order.</summary>
    public IReadOnlyList<IdentityFact> With(MatchResult result) =>
        Enum.GetValues<IdentityFact>().Where(fact => this[fact] == result).ToArray();

    /// <summary>
    /// One reason per fact that differs, each with its own code, weight and the catalogue's message (which never
    /// repeats either side's value). Empty when nothing differs: unknown facts are not mismatches.
    /// </summary>
    public IReadOnlyList<Reason> MismatchReasons() =>
        With(MatchResult.Different)
            .Select(fact => Reason.Of(IdentityFactComparison.MismatchCode(fact), IdentityFactComparison.FieldName(fact)))
            .ToArray();
}
