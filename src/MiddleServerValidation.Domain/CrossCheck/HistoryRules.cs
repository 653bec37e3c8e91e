using MiddleServerValidation.Domain.KanaNames;
using MiddleServerValidation.Domain.Registration;

namespace MiddleServerValidation.Domain.CrossCheck;

/// <summary>
/// The checks against earlier registrations of the same personal number (design.md checks 1 and 2).
/// A birthdate mismatch outweighs everything; then names, compared after normalisation and the legacy fold;
/// then, when the rule set checks it, sex.
/// </summary>
internal static class HistoryRules
{
    public static HistoryAssessment Assess(Candidate candidate, IReadOnlyList<EarlierRegistration> history, RuleSet rules)
    {
        if (history.Count == 0)
        {
            return HistoryAssessment.NoHistory;
        }

        var otherBirthDates = history.Where(earlier => earlier.BirthDate != candidate.BirthDate).ToList();
        if (otherBirthDates.Count > 0)
        {
            return new HistoryAssessment(
                HistoryVerdict.BirthDateMismatch,
                RuleIds.HistoryBirthDate,
                otherBirthDates.Select(earlier => new FieldDifference(
                    FieldNames.BirthDate, Evidence.Date(candidate.BirthDate), Evidence.Date(earlier.BirthDate), earlier.Source)).ToList(),
                otherBirthDates.Select(earlier => earlier.Id).ToList());
        }

        var names = AssessNames(candidate.KanaName, history);
        return names.Verdict == HistoryVerdict.Match && rules.ChecksSexAgainstHistory ? AssessSex(candidate, history) : names;
    }

    // Only where the names already agree: a name mismatch stays what 2026.11.1 says it is. Unknown sex is no evidence.
    private static HistoryAssessment AssessSex(Candidate candidate, IReadOnlyList<EarlierRegistration> history)
    {
        var otherSex = candidate.Sex is null
            ? []
            : history.Where(earlier => earlier.Sex is not null && earlier.Sex != candidate.Sex).ToList();
        return otherSex.Count == 0
            ? HistoryAssessment.Match
            : new HistoryAssessment(
                HistoryVerdict.SexMismatch,
                RuleIds.HistorySex,
                otherSex.Select(earlier => new FieldDifference(
                    FieldNames.Sex, Evidence.SexCode(candidate.Sex), Evidence.SexCode(earlier.Sex), earlier.Source)).ToList(),
                otherSex.Select(earlier => earlier.Id).ToList());
    }

    private static HistoryAssessment AssessNames(KanaName name, IReadOnlyList<EarlierRegistration> history)
    {
        var givenNameDiffers = new List<(EarlierRegistration Earlier, KanaName Name)>();
        var splitDiffers = new List<(EarlierRegistration Earlier, KanaName Name)>();
        var surnameDiffers = new List<(EarlierRegistration Earlier, KanaName Name)>();
        var anySame = false;

        foreach (var earlier in history)
        {
            // A stored name with ● or other lost characters is unknown: no evidence either way.
            var earlierName = KanaName.ReadKnown(earlier.KanaName);
            if (earlierName is null)
            {
                continue;
            }

            if (KanaName.SameName(name, earlierName))
            {
                anySame = true;
            }
            else if (!name.HasSplit || !earlierName.HasSplit)
            {
                // Without a split we cannot tell a surname change from another person; spaces are never dropped.
                splitDiffers.Add((earlier, earlierName));
            }
            else if (!KanaName.SameGivenName(name, earlierName))
            {
                givenNameDiffers.Add((earlier, earlierName));
            }
            else
            {
                surnameDiffers.Add((earlier, earlierName));
            }
        }

        if (givenNameDiffers.Count > 0 || splitDiffers.Count > 0)
        {
            var ruleId = givenNameDiffers.Count > 0 ? RuleIds.HistoryGivenName : RuleIds.HistoryNameSplit;
            return NameAssessment(HistoryVerdict.NameMismatch, ruleId, name, [.. givenNameDiffers, .. splitDiffers]);
        }

        // An earlier registration with the same name already explains an older surname (the person registered
        // under the new surname before); only an unexplained surname change goes to J-LIS.
        if (anySame || surnameDiffers.Count == 0)
        {
            return HistoryAssessment.Match;
        }

        return NameAssessment(HistoryVerdict.SurnameChanged, RuleIds.HistorySurnameJlis, name, surnameDiffers);
    }

    private static HistoryAssessment NameAssessment(
        HistoryVerdict verdict, string ruleId, KanaName name, IReadOnlyList<(EarlierRegistration Earlier, KanaName Name)> differing) =>
        new(verdict,
            ruleId,
            differing.Select(d => new FieldDifference(FieldNames.KanaName, name.Normalized, d.Name.Normalized, d.Earlier.Source)).ToList(),
            differing.Select(d => d.Earlier.Id).ToList());
}
