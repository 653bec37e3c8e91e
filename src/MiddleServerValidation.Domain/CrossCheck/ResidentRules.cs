using MiddleServerValidation.Domain.IdentityFacts;
using MiddleServerValidation.Domain.Registration;

namespace MiddleServerValidation.Domain.CrossCheck;

/// <summary>
/// The comparison with the J-LIS 本人確認情報 found for the number (DOMAIN.md §6): the five facts, each by its own
/// rules (<see cref="IdentityFactComparison"/>, docs/matching.md). A fact either side does not know, or holds ● in, is
/// unknown, never a mismatch.
/// </summary>
internal static class ResidentRules
{
    /// <summary>
    /// Kanji names and addresses are not repeated in a finding's evidence: the findings table is not encrypted, and
    /// staff see which fact differs; the values stay in the record's encrypted columns and with J-LIS.
    /// </summary>
    public const string Withheld = "(非表示)";

    public static FactMatches Compare(PersonFacts facts, ResidentAnswer.Found resident) =>
        IdentityFactComparison.Compare(facts, resident.Facts);

    /// <summary>The facts that differ, as evidence for staff; empty when J-LIS confirms every fact both sides know.</summary>
    public static IReadOnlyList<FieldDifference> Differences(FactMatches matches, PersonFacts facts, ResidentAnswer.Found resident) =>
        matches.With(MatchResult.Different).Select(fact => fact switch
        {
            IdentityFact.BirthDate => new FieldDifference(
                FieldNames.BirthDate, Evidence.Date(facts.BirthDate!.Value), Evidence.Date(resident.BirthDate), FieldDifference.JlisSource),
            IdentityFact.KanaName => new FieldDifference(
                FieldNames.KanaName, Kana(facts.KanaName), Kana(resident.KanaName), FieldDifference.JlisSource),
            IdentityFact.Sex => new FieldDifference(
                FieldNames.Sex, Evidence.SexCode(facts.Sex), Evidence.SexCode(resident.Sex), FieldDifference.JlisSource),
            _ => new FieldDifference(IdentityFactComparison.FieldName(fact), Withheld, Withheld, FieldDifference.JlisSource),
        }).ToArray();

    /// <summary>One reason per differing fact, the heaviest first: what the insurer is told (never either side's value).</summary>
    public static IReadOnlyList<Reason> MismatchReasons(FactMatches matches) =>
        matches.MismatchReasons().OrderByDescending(reason => ReasonCatalog.WeightOf(reason.Code)).ToArray();

    /// <summary>True when a reason weighs enough to hold the record: anything but an address alone.</summary>
    public static bool HoldsRecord(IEnumerable<Reason> reasons) =>
        reasons.Any(reason => ReasonCatalog.WeightOf(reason.Code) >= MismatchWeight.Medium);

    /// <summary>What J-LIS can be compared with in an earlier registration (the store keeps kana, birthdate and sex in the clear).</summary>
    public static PersonFacts FactsOf(EarlierRegistration earlier) =>
        new(earlier.KanjiName, earlier.KanaName, earlier.BirthDate, earlier.Sex, earlier.Address);

    private static string Kana(string? name) => KanaNames.KanaName.ReadKnown(name)?.Normalized ?? name ?? string.Empty;
}
