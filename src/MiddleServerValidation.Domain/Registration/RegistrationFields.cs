using MiddleServerValidation.Domain.Dates;
using MiddleServerValidation.Domain.InsurerNumbers;
using MiddleServerValidation.Domain.KanaNames;
using MiddleServerValidation.Domain.PersonalNumbers;

namespace MiddleServerValidation.Domain.Registration;

/// <summary>
/// The rule for each field of <c>RegisterEnrollee</c>, as a function of its raw text: the one problem it has, or null.
/// A blank value counts as absent. Messages name lengths and positions, never the value itself.
/// </summary>
internal static class RegistrationFields
{
    public const int MaxIdLength = 64;

    public static Reason? CheckRegistrationId(string? value) =>
        IsBlank(value) ? Missing(FieldNames.RegistrationId, "登録ID") : CheckIdLength(value!, FieldNames.RegistrationId, "登録ID");

    public static Reason? CheckInsurerNumber(string? value) =>
        IsBlank(value) ? Missing(FieldNames.InsurerNumber, "保険者番号") : Problem(InsurerNumber.Parse(value), FieldNames.InsurerNumber);

    public static Reason? CheckPersonalNumber(string? value) =>
        IsBlank(value) ? null : Problem(PersonalNumber.Parse(value), FieldNames.PersonalNumber);

    public static Reason? CheckBirthDate(string? value, DateOnly today) =>
        IsBlank(value) ? Missing(FieldNames.BirthDate, "生年月日") : Problem(JapaneseDate.ParseBirthDate(value, today), FieldNames.BirthDate);

    public static Reason? CheckKanaName(string? value) =>
        IsBlank(value) ? Missing(FieldNames.KanaName, "カナ氏名") : Problem(KanaName.Parse(value), FieldNames.KanaName);

    public static Reason? CheckSex(string? value) =>
        IsBlank(value) || ReadSex(value) is not null
            ? null
            : new Reason(ReasonCode.FieldInvalid, FieldNames.Sex, "性別は 1（男）または 2（女）で指定してください。");

    public static Reason? CheckQualificationDate(string? value) =>
        IsBlank(value) ? null : Problem(ReadQualificationDate(value), FieldNames.QualificationDate);

    public static Reason? CheckBatchId(string? value) =>
        IsBlank(value) ? null : CheckIdLength(value!, FieldNames.BatchId, "バッチID");

    public static Sex? ReadSex(string? value)
    {
        if (IsBlank(value) || !UnicodeText.TryNormalizeKc(value!.Trim(), out var text))
        {
            return null;
        }

        return text switch
        {
            "1" => Sex.Male,
            "2" => Sex.Female,
            _ => null,
        };
    }

    public static ParseResult<DateOnly> ReadQualificationDate(string? value) =>
        JapaneseDate.Parse(value, "資格取得日", ReasonCode.FieldInvalid);

    public static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);

    /// <summary>Trimmed, or null when blank.</summary>
    public static string? Optional(string? value) => IsBlank(value) ? null : value!.Trim();

    private static Reason? Problem<T>(ParseResult<T> parsed, string field) =>
        parsed.IsValid ? null : new Reason(parsed.Error!.Value, field, parsed.ErrorMessage!);

    private static Reason Missing(string field, string label) => new(ReasonCode.FieldMissing, field, $"{label}が指定されていません。");

    private static Reason? CheckIdLength(string value, string field, string label)
    {
        var length = value.Trim().Length;
        return length <= MaxIdLength
            ? null
            : new Reason(ReasonCode.FieldInvalid, field, $"{label}は{MaxIdLength}文字以内で指定してください（{length}文字でした）。");
    }
}
