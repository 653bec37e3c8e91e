using MiddleServerValidation.Domain.KanaNames;
using MiddleServerValidation.Domain.Registration;

namespace MiddleServerValidation.Domain.CrossCheck;

/// <summary>
/// The comparison with the J-LIS 本人確認情報 found for the number (DOMAIN.md §6): birthdate, kana name after
/// normalisation, and sex when both sides know it. A J-LIS name with ● or other lost characters is unknown.
/// </summary>
internal static class ResidentRules
{
    /// <summary>The fields that differ; empty when J-LIS confirms the candidate.</summary>
    public static IReadOnlyList<FieldDifference> Compare(Candidate candidate, ResidentAnswer.Found resident)
    {
        var differences = new List<FieldDifference>();
        if (resident.BirthDate != candidate.BirthDate)
        {
            differences.Add(new FieldDifference(
                FieldNames.BirthDate, Evidence.Date(candidate.BirthDate), Evidence.Date(resident.BirthDate), FieldDifference.JlisSource));
        }

        var residentName = KanaName.ReadKnown(resident.KanaName);
        if (residentName is not null && !KanaName.SameName(candidate.KanaName, residentName))
        {
            differences.Add(new FieldDifference(
                FieldNames.KanaName, candidate.KanaName.Normalized, residentName.Normalized, FieldDifference.JlisSource));
        }

        if (candidate.Sex is not null && resident.Sex is not null && candidate.Sex != resident.Sex)
        {
            differences.Add(new FieldDifference(
                FieldNames.Sex, Evidence.SexCode(candidate.Sex), Evidence.SexCode(resident.Sex), FieldDifference.JlisSource));
        }

        return differences;
    }

    /// <summary>The insurer's reason: which of its own fields disagree with J-LIS, never the J-LIS values.</summary>
    public static Reason MismatchReason(IReadOnlyList<FieldDifference> differences)
    {
        var fields = differences.Select(d => d.Field).Distinct().ToList();
        var labels = string.Join("・", fields.Select(Evidence.Label));
        return new Reason(
            ReasonCode.JlisMismatch,
            fields.Count == 1 ? fields[0] : null,
            $"住民基本台帳（J-LIS）の本人確認情報と{labels}が一致しません。個人番号と本人情報に誤りがないか、本人に確認してください。");
    }
}
