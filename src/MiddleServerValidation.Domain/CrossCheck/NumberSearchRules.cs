using MiddleServerValidation.Domain.IdentityFacts;
using MiddleServerValidation.Domain.Registration;

namespace MiddleServerValidation.Domain.CrossCheck;

/// <summary>
/// A registration without a personal number, decided on J-LIS's search by the basic four facts (DOMAIN.md §6: insurers
/// obtain the numbers they lack by a 住基ネット query). A number is taken only when exactly one resident is found and
/// every one of the five facts the insurer sent is the same as J-LIS's: a match on kana name, sex and birthdate alone is
/// what linked other people's data to a wrong number. Zero or several residents, or one that agrees on fewer facts, is
/// said so, never guessed. The record stays Accepted without a number either way (as before); the insurer decides.
/// </summary>
internal static class NumberSearchRules
{
    public static Decision Decide(Candidate candidate, ResidentAnswer? answer)
    {
        if (answer is ResidentAnswer.Searched { Candidates.Count: 1, IsTruncated: false } searched
            && Matches(candidate, searched.Candidates[0]) is { AllSame: true })
        {
            var found = searched.Candidates[0].PersonalNumber;
            var reason = new Reason(ReasonCode.PersonalNumberFound, FieldNames.PersonalNumber,
                $"{ReasonCatalog.MessageOf(ReasonCode.PersonalNumberFound)}（見つかった個人番号: {found.Masked}）");
            return WithCardWarning(candidate, [reason]) with { FoundNumber = found };
        }

        var missing = Reason.Of(ReasonCode.PersonalNumberMissing, FieldNames.PersonalNumber);
        Reason? searchReason = answer switch
        {
            ResidentAnswer.Searched { Candidates.Count: 0 } => Reason.Of(ReasonCode.NumberSearchNoResident, FieldNames.PersonalNumber),
            ResidentAnswer.Searched { Candidates.Count: 1, IsTruncated: false } one => Partial(Matches(candidate, one.Candidates[0])),
            ResidentAnswer.Searched => Reason.Of(ReasonCode.NumberSearchSeveralResidents, FieldNames.PersonalNumber),
            ResidentAnswer.Unavailable => Reason.Of(ReasonCode.NumberSearchUnavailable, FieldNames.PersonalNumber),
            _ => null, // not searched: the rules of before 2024
        };
        return WithCardWarning(candidate, searchReason is null ? [missing] : [missing, searchReason]);
    }

    private static FactMatches Matches(Candidate candidate, SearchCandidate resident) =>
        IdentityFactComparison.Compare(candidate.Facts, resident.Resident.Facts);

    // Which facts could not be confirmed, by name only: never a value of either side.
    private static Reason Partial(FactMatches matches)
    {
        var unconfirmed = Enum.GetValues<IdentityFact>().Where(fact => matches[fact] != MatchResult.Same).Select(Label);
        return new Reason(ReasonCode.NumberSearchPartialMatch, FieldNames.PersonalNumber,
            $"{ReasonCatalog.MessageOf(ReasonCode.NumberSearchPartialMatch)}（一致を確認できなかった本人情報: {string.Join("・", unconfirmed)}）");
    }

    private static string Label(IdentityFact fact) => fact switch
    {
        IdentityFact.KanjiName => "漢字氏名",
        IdentityFact.KanaName => "カナ氏名",
        IdentityFact.BirthDate => "生年月日",
        IdentityFact.Sex => "性別",
        IdentityFact.Address => "住所",
        _ => throw new ArgumentOutOfRangeException(nameof(fact), fact, "Unknown fact."),
    };

    private static Decision WithCardWarning(Candidate candidate, List<Reason> reasons)
    {
        if (!candidate.HasCardInfo)
        {
            reasons.Add(Reason.Of(ReasonCode.CardInfoMissing, FieldNames.CardNumber));
        }

        return Decision.Of(reasons, []);
    }
}
