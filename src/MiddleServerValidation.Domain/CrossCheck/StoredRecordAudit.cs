using MiddleServerValidation.Domain.IdentityFacts;

namespace MiddleServerValidation.Domain.CrossCheck;

/// <summary>
/// The full-store check (issue 13; the autumn-2023 re-check of every stored registration, DOMAIN.md §6): a stored
/// record compared with J-LIS on the facts it holds, by the same per-fact rules as a new registration.
/// </summary>
public static class StoredRecordAudit
{
    /// <summary>
    /// The record as a suspect when J-LIS shows it wrong (a fact that holds a record differs, or no resident has the
    /// number); null when J-LIS confirms it, or only its address differs (a warning a check of the store does not send).
    /// </summary>
    public static EarlierSuspect? Check(Guid registrationId, string insurerNumber, PersonFacts stored, ResidentAnswer answer, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(rules);
        switch (answer)
        {
            case ResidentAnswer.Found found:
                var matches = ResidentRules.Compare(stored, found);
                var reasons = ResidentRules.MismatchReasons(matches);
                return ResidentRules.HoldsRecord(reasons)
                    ? new EarlierSuspect(registrationId, insurerNumber, reasons,
                        new Finding(reasons[0].Code, RuleIds.JlisAudit, rules.Version, ResidentRules.Differences(matches, stored, found), []))
                    : null;
            case ResidentAnswer.NotFound:
                var notFound = Reason.Of(ReasonCode.JlisNotFound, FieldNames.PersonalNumber);
                return new EarlierSuspect(registrationId, insurerNumber, [notFound],
                    new Finding(notFound.Code, RuleIds.JlisAudit, rules.Version, [], []));
            default:
                throw new ArgumentException("An unavailable answer decides nothing: ask again.", nameof(answer));
        }
    }

    /// <summary>Whether only the address differs (counted, not raised).</summary>
    public static bool OnlyAddressDiffers(PersonFacts stored, ResidentAnswer.Found found) =>
        ResidentRules.Compare(stored, found).With(MatchResult.Different) is [IdentityFact.Address];
}
