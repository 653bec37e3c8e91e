using MiddleServerValidation.Domain.Registration;

namespace MiddleServerValidation.Domain.CrossCheck;

/// <summary>
/// The cross-check rules as a pure function of (candidate, earlier registrations, J-LIS answer) → decision.
/// Ask <see cref="NeedsResidentLookup"/> first; when it is true, obtain the J-LIS answer and pass it to
/// <see cref="Decide"/>. The history is the earlier Accepted registrations of the same number, any insurer.
/// </summary>
public static class CrossCheckEngine
{
    /// <summary>Recorded on every finding, so a case can be traced to the rules that raised it.</summary>
    public const string RuleSetVersion = "2026.11.1";

    public static bool NeedsResidentLookup(Candidate candidate, IReadOnlyList<EarlierRegistration> history) =>
        NeedsResidentLookup(candidate, history, RuleSets.Current);

    public static bool NeedsResidentLookup(Candidate candidate, IReadOnlyList<EarlierRegistration> history, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(rules);
        return candidate.PersonalNumber is not null && HistoryRules.Assess(candidate, history, rules).NeedsResidentLookup;
    }

    /// <exception cref="ArgumentException">A J-LIS answer was needed and <paramref name="answer"/> is null.</exception>
    public static Decision Decide(Candidate candidate, IReadOnlyList<EarlierRegistration> history, ResidentAnswer? answer) =>
        Decide(candidate, history, answer, RuleSets.Current);

    /// <summary>Decides under the given rule set; its version is recorded on the findings.</summary>
    /// <exception cref="ArgumentException">A J-LIS answer was needed and <paramref name="answer"/> is null.</exception>
    public static Decision Decide(Candidate candidate, IReadOnlyList<EarlierRegistration> history, ResidentAnswer? answer, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(rules);

        if (candidate.PersonalNumber is null)
        {
            return WithWarnings(candidate, Reason.Of(ReasonCode.PersonalNumberMissing, FieldNames.PersonalNumber), null);
        }

        var assessment = HistoryRules.Assess(candidate, history, rules);
        if (assessment.NeedsResidentLookup && answer is null)
        {
            throw new ArgumentException(
                "This candidate needs a J-LIS answer: call NeedsResidentLookup first and pass the answer.", nameof(answer));
        }

        return assessment.Verdict switch
        {
            HistoryVerdict.BirthDateMismatch =>
                Suspected(candidate, Reason.Of(ReasonCode.BirthDateMismatch, FieldNames.BirthDate), assessment, rules),
            HistoryVerdict.NameMismatch =>
                Suspected(candidate, Reason.Of(ReasonCode.KanaNameMismatch, FieldNames.KanaName), assessment, rules),
            HistoryVerdict.SexMismatch =>
                Suspected(candidate, Reason.Of(ReasonCode.SexMismatch, FieldNames.Sex), assessment, rules),
            HistoryVerdict.Match => WithWarnings(candidate, Reason.Of(ReasonCode.HistoryMatch), null),
            HistoryVerdict.SurnameChanged => ConfirmSurnameChange(candidate, assessment, answer!, rules),
            _ => CheckNewNumber(candidate, answer!, rules),
        };
    }

    // No history: the number is checked against J-LIS alone (design.md check 3).
    private static Decision CheckNewNumber(Candidate candidate, ResidentAnswer answer, RuleSet rules) => answer switch
    {
        ResidentAnswer.Found found when ResidentRules.Compare(candidate, found) is { Count: > 0 } differences =>
            Suspected(candidate, ResidentRules.MismatchReason(differences), RuleIds.JlisMismatch, differences, [], rules),
        ResidentAnswer.Found => WithWarnings(candidate, Reason.Of(ReasonCode.JlisConfirmed), null),
        ResidentAnswer.NotFound =>
            Suspected(candidate, Reason.Of(ReasonCode.JlisNotFound, FieldNames.PersonalNumber), RuleIds.JlisNotFound, [], [], rules),
        _ => Unavailable(candidate),
    };

    // Same birthdate and given name, another surname: a marriage or divorce is fine when J-LIS has the new name.
    private static Decision ConfirmSurnameChange(Candidate candidate, HistoryAssessment assessment, ResidentAnswer answer, RuleSet rules)
    {
        switch (answer)
        {
            case ResidentAnswer.Found found:
                var differences = ResidentRules.Compare(candidate, found);
                return differences.Count == 0
                    ? WithWarnings(candidate, Reason.Of(ReasonCode.JlisConfirmed), null)
                    : Suspected(candidate, ResidentRules.MismatchReason(differences),
                        assessment with { Differences = [.. assessment.Differences, .. differences] }, rules);
            case ResidentAnswer.NotFound:
                return Suspected(candidate, new Reason(ReasonCode.JlisMismatch, FieldNames.KanaName,
                    "姓の変更を住民基本台帳（J-LIS）で確認できませんでした。個人番号と本人情報に誤りがないか、本人に確認してください。"),
                    assessment, rules);
            default:
                return Unavailable(candidate);
        }
    }

    private static Decision Unavailable(Candidate candidate) =>
        WithWarnings(candidate, Reason.Of(ReasonCode.JlisUnavailable), null);

    private static Decision Suspected(Candidate candidate, Reason reason, HistoryAssessment history, RuleSet rules) =>
        Suspected(candidate, reason, history.RuleId!, history.Differences, history.ConflictingRegistrationIds, rules);

    private static Decision Suspected(
        Candidate candidate, Reason reason, string ruleId, IReadOnlyList<FieldDifference> differences, IReadOnlyList<Guid> conflicting,
        RuleSet rules) =>
        WithWarnings(candidate, reason, new Finding(reason.Code, ruleId, rules.Version, differences, conflicting));

    // CardInfoMissing is a warning on every outcome the engine gives (it never rejects).
    private static Decision WithWarnings(Candidate candidate, Reason primary, Finding? finding)
    {
        List<Reason> reasons = [primary];
        if (!candidate.HasCardInfo)
        {
            reasons.Add(Reason.Of(ReasonCode.CardInfoMissing, FieldNames.CardNumber));
        }

        return Decision.Of(reasons, finding is null ? [] : [finding]);
    }
}
