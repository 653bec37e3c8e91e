using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.IdentityFacts;
using MiddleServerValidation.Jlis.Wire;

namespace MiddleServerValidation.JlisStub.Residents;

/// <summary>
/// Which residents a search by the basic four facts finds, by the service's own matching rules (docs/matching.md):
/// the same birthdate, at least one of the names given the same, and no fact given different. A fact the resident
/// lacks, or one holding a lost character, does not exclude it — the caller sees that fact and decides.
/// </summary>
internal static class ResidentSearch
{
    public static bool IsCandidate(ResidentSearchRequest query, ResidentLookupResponse resident)
    {
        if (query.BirthDate != resident.BirthDate)
        {
            return false;
        }

        var matches = IdentityFactComparison.Compare(Facts(query), Facts(resident));
        var nameSame = matches.KanjiName == MatchResult.Same || matches.KanaName == MatchResult.Same;
        return nameSame && !matches.AnyDifferent;
    }

    private static PersonFacts Facts(ResidentSearchRequest query) =>
        new(query.KanjiName, query.KanaName, query.BirthDate, SexOf(query.Sex), query.Address);

    private static PersonFacts Facts(ResidentLookupResponse resident) =>
        new(resident.KanjiName, resident.KanaName, resident.BirthDate, SexOf(resident.Sex), resident.Address);

    private static Sex? SexOf(string? code) => code switch
    {
        "1" => Sex.Male,
        "2" => Sex.Female,
        _ => null,
    };
}
