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
        return candidate.PersonalNumber is not null
            && (rules.JlisCheck == JlisCheckPolicy.EveryRegistration || HistoryRules.Assess(candidate, history, rules).NeedsResidentLookup);
    }

    /// <summary>
    /// True when a registration without a personal number is to be searched for in J-LIS by its facts: under
    /// <see cref="JlisCheckPolicy.EveryRegistration"/> (the 2024 rules). Pass what the search answered
    /// (<see cref="ResidentAnswer.Searched"/>, or <see cref="ResidentAnswer.Unavailable"/>) to <see cref="Decide(Candidate, IReadOnlyList{EarlierRegistration}, ResidentAnswer?, RuleSet)"/>;
    /// without it the record is decided as before, a number missing.
    /// </summary>
    public static bool NeedsResidentSearch(Candidate candidate, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(rules);
        return candidate.PersonalNumber is null && rules.JlisCheck == JlisCheckPolicy.EveryRegistration;
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
            return NumberSearchRules.Decide(candidate, answer);
        }

        var assessment = HistoryRules.Assess(candidate, history, rules);
        var asksJlis = rules.JlisCheck == JlisCheckPolicy.EveryRegistration || assessment.NeedsResidentLookup;
        if (asksJlis && answer is null)
        {
            throw new ArgumentException(
                "This candidate needs a J-LIS answer: call NeedsResidentLookup first and pass the answer.", nameof(answer));
        }

        if (!asksJlis)
        {
            return ByHistory(candidate, assessment, rules) ?? WithWarnings(candidate, Reason.Of(ReasonCode.HistoryMatch), null);
        }

        return answer switch
        {
            ResidentAnswer.Found found => WithJlis(candidate, history, assessment, found, rules),
            // No resident has the number: when history already disagrees, today's rule names the reason; else the number.
            ResidentAnswer.NotFound when assessment.Verdict == HistoryVerdict.SurnameChanged =>
                Suspected(candidate, new Reason(ReasonCode.JlisMismatch, FieldNames.KanaName,
                    "姓の変更を住民基本台帳（J-LIS）で確認できませんでした。個人番号と本人情報に誤りがないか、本人に確認してください。"),
                    assessment, rules),
            ResidentAnswer.NotFound => ByHistory(candidate, assessment, rules)
                ?? Suspected(candidate, Reason.Of(ReasonCode.JlisNotFound, FieldNames.PersonalNumber), RuleIds.JlisNotFound, [], [], rules),
            _ => Unavailable(candidate),
        };
    }

    // Today's rule without J-LIS: a history mismatch makes the new registration the suspect. Null when history agrees.
    private static Decision? ByHistory(Candidate candidate, HistoryAssessment assessment, RuleSet rules) => assessment.Verdict switch
    {
        HistoryVerdict.BirthDateMismatch =>
            Suspected(candidate, Reason.Of(ReasonCode.BirthDateMismatch, FieldNames.BirthDate), assessment, rules),
        HistoryVerdict.NameMismatch =>
            Suspected(candidate, Reason.Of(ReasonCode.KanaNameMismatch, FieldNames.KanaName), assessment, rules),
        HistoryVerdict.SexMismatch =>
            Suspected(candidate, Reason.Of(ReasonCode.SexMismatch, FieldNames.Sex), assessment, rules),
        _ => null,
    };

    // J-LIS found the number: the candidate is compared on every fact it holds. When history disagrees too, J-LIS decides
    // which side is wrong (issue 13): if the candidate agrees with J-LIS and every conflicting earlier record disagrees
    // with it, those earlier records are the suspects; if J-LIS cannot tell, today's rule stands.
    private static Decision WithJlis(
        Candidate candidate, IReadOnlyList<EarlierRegistration> history, HistoryAssessment assessment, ResidentAnswer.Found found, RuleSet rules)
    {
        var facts = candidate.Facts;
        var matches = ResidentRules.Compare(facts, found);
        var mismatches = ResidentRules.MismatchReasons(matches);
        var differences = ResidentRules.Differences(matches, facts, found);
        var lost = matches.KanjiName == Domain.MatchResult.Unknown || matches.Address == Domain.MatchResult.Unknown
            ? IdentityFacts.IdentityFactComparison.LostCharacterReasons(facts)
            : [];
        var disagrees = ResidentRules.HoldsRecord(mismatches);

        if (assessment.Verdict is HistoryVerdict.BirthDateMismatch or HistoryVerdict.NameMismatch or HistoryVerdict.SexMismatch)
        {
            if (!disagrees && EarlierSuspects(history, assessment, found, rules) is { } suspects)
            {
                return Confirmed(candidate, mismatches, lost, suspects);
            }

            // The candidate disagrees with J-LIS too, or J-LIS cannot tell: the new registration stays the suspect.
            var byHistory = ByHistory(candidate, assessment, rules)!;
            return disagrees
                ? Suspected(candidate, [byHistory.Reasons[0], .. mismatches, .. lost], assessment.RuleId!,
                    [.. assessment.Differences, .. differences], assessment.ConflictingRegistrationIds, rules)
                : byHistory;
        }

        if (!disagrees)
        {
            return Confirmed(candidate, mismatches, lost, null);
        }

        return assessment.Verdict == HistoryVerdict.SurnameChanged
            ? Suspected(candidate, [.. mismatches, .. lost], RuleIds.HistorySurnameJlis,
                [.. assessment.Differences, .. differences], assessment.ConflictingRegistrationIds, rules)
            : Suspected(candidate, [.. mismatches, .. lost], RuleIds.JlisMismatch, differences, [], rules);
    }

    // The conflicting earlier records, each shown wrong by J-LIS on a fact that holds a record; null if any is not.
    private static IReadOnlyList<EarlierSuspect>? EarlierSuspects(
        IReadOnlyList<EarlierRegistration> history, HistoryAssessment assessment, ResidentAnswer.Found found, RuleSet rules)
    {
        var suspects = new List<EarlierSuspect>();
        foreach (var id in assessment.ConflictingRegistrationIds.Distinct())
        {
            var earlier = history.First(e => e.Id == id);
            var facts = ResidentRules.FactsOf(earlier);
            var matches = ResidentRules.Compare(facts, found);
            var reasons = ResidentRules.MismatchReasons(matches);
            if (!ResidentRules.HoldsRecord(reasons))
            {
                return null;
            }

            var differences = ResidentRules.Differences(matches, facts, found);
            suspects.Add(new EarlierSuspect(earlier.Id, earlier.InsurerNumber, reasons,
                new Finding(reasons[0].Code, RuleIds.JlisEarlierMismatch, rules.Version, differences, [])));
        }

        return suspects.Count > 0 ? suspects : null;
    }

    // Every fact both sides know agrees, except perhaps the address (a warning: ask for the current address).
    private static Decision Confirmed(
        Candidate candidate, IReadOnlyList<Reason> mismatches, IReadOnlyList<Reason> lost, IReadOnlyList<EarlierSuspect>? suspects)
    {
        List<Reason> reasons = mismatches.Count > 0 ? [.. mismatches] : [Reason.Of(ReasonCode.JlisConfirmed)];
        reasons.AddRange(lost);
        if (!candidate.HasCardInfo)
        {
            reasons.Add(Reason.Of(ReasonCode.CardInfoMissing, FieldNames.CardNumber));
        }

        return Decision.Of(reasons, [], suspects);
    }

    private static Decision Unavailable(Candidate candidate) =>
        WithWarnings(candidate, Reason.Of(ReasonCode.JlisUnavailable), null);

    private static Decision Suspected(Candidate candidate, Reason reason, HistoryAssessment history, RuleSet rules) =>
        Suspected(candidate, reason, history.RuleId!, history.Differences, history.ConflictingRegistrationIds, rules);

    private static Decision Suspected(
        Candidate candidate, Reason reason, string ruleId, IReadOnlyList<FieldDifference> differences, IReadOnlyList<Guid> conflicting,
        RuleSet rules) =>
        WithWarnings(candidate, reason, new Finding(reason.Code, ruleId, rules.Version, differences, conflicting));

    // Several reasons (one per fact that differs), the first the finding's code.
    private static Decision Suspected(
        Candidate candidate, IReadOnlyList<Reason> reasons, string ruleId, IReadOnlyList<FieldDifference> differences,
        IReadOnlyList<Guid> conflicting, RuleSet rules)
    {
        List<Reason> all = [.. reasons];
        if (!candidate.HasCardInfo)
        {
            all.Add(Reason.Of(ReasonCode.CardInfoMissing, FieldNames.CardNumber));
        }

        return Decision.Of(all, [new Finding(reasons[0].Code, ruleId, rules.Version, differences, conflicting)]);
    }

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
