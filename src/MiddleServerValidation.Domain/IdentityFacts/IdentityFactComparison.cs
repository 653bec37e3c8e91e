using MiddleServerValidation.Domain.Addresses;
using MiddleServerValidation.Domain.KanaNames;
using MiddleServerValidation.Domain.KanjiNames;

namespace MiddleServerValidation.Domain.IdentityFacts;

/// <summary>
/// Compares a registration's facts with J-LIS's 本人確認情報, fact by fact, each by its own rules (docs/matching.md).
/// Pure: the decision what the differences mean belongs to the cross-check rules.
/// </summary>
public static class IdentityFactComparison
{
    public static FactMatches Compare(PersonFacts registration, PersonFacts resident)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(resident);
        return new FactMatches(
            KanjiNameMatching.Compare(registration.KanjiName, resident.KanjiName),
            KanaNameMatching.Compare(registration.KanaName, resident.KanaName),
            CompareValues(registration.BirthDate, resident.BirthDate),
            CompareValues(registration.Sex, resident.Sex),
            AddressMatching.Compare(registration.Address, resident.Address));
    }

    /// <summary>The reason code for a fact that differs from J-LIS.</summary>
    public static ReasonCode MismatchCode(IdentityFact fact) => fact switch
    {
        IdentityFact.KanjiName => ReasonCode.JlisKanjiNameMismatch,
        IdentityFact.KanaName => ReasonCode.JlisKanaNameMismatch,
        IdentityFact.BirthDate => ReasonCode.JlisBirthDateMismatch,
        IdentityFact.Sex => ReasonCode.JlisSexMismatch,
        IdentityFact.Address => ReasonCode.JlisAddressMismatch,
        _ => throw new ArgumentOutOfRangeException(nameof(fact), fact, "Unknown fact."),
    };

    /// <summary>The contract's field name of a fact, for <see cref="Reason.Field"/>.</summary>
    public static string FieldName(IdentityFact fact) => fact switch
    {
        IdentityFact.KanjiName => FieldNames.KanjiName,
        IdentityFact.KanaName => FieldNames.KanaName,
        IdentityFact.BirthDate => FieldNames.BirthDate,
        IdentityFact.Sex => FieldNames.Sex,
        IdentityFact.Address => FieldNames.Address,
        _ => throw new ArgumentOutOfRangeException(nameof(fact), fact, "Unknown fact."),
    };

    /// <summary>
    /// <see cref="ReasonCode.CharacterLost"/> for each of the registration's own kanji name and address that holds
    /// ● or another lost character: it cannot be checked and should be registered again (DOMAIN.md §3). The kana
    /// name needs no such warning: one with ● is rejected when it is read.
    /// </summary>
    public static IReadOnlyList<Reason> LostCharacterReasons(PersonFacts registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var reasons = new List<Reason>(2);
        if (LostCharacters.AnyIn(registration.KanjiName))
        {
            reasons.Add(Reason.Of(ReasonCode.CharacterLost, FieldNames.KanjiName));
        }

        if (LostCharacters.AnyIn(registration.Address))
        {
            reasons.Add(Reason.Of(ReasonCode.CharacterLost, FieldNames.Address));
        }

        return reasons;
    }

    private static MatchResult CompareValues<T>(T? first, T? second)
        where T : struct =>
        first is null || second is null ? MatchResult.Unknown
        : EqualityComparer<T>.Default.Equals(first.Value, second.Value) ? MatchResult.Same
        : MatchResult.Different;
}
