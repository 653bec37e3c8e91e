using MiddleServerValidation.Domain.Dates;
using MiddleServerValidation.Domain.InsurerNumbers;
using MiddleServerValidation.Domain.KanaNames;
using MiddleServerValidation.Domain.PersonalNumbers;

namespace MiddleServerValidation.Domain.Registration;

/// <summary>
/// The rule for each field of <c>RegisterEnrollee</c>, as a function of its raw text: the value read from it, or the
/// one problem it has. A blank value counts as absent (an optional field reads as null). Messages name lengths and
/// positions, never the value itself.
/// </summary>
internal static class RegistrationFields
{
    public const int MaxIdLength = 64;

    /// <summary>
    /// The longest text any field is read from. Every real value is far shorter (a kana name is at most 100 characters
    /// once normalised); a longer one is refused before it is parsed, and never kept whole with a rejected record.
    /// </summary>
    public const int MaxRawLength = 256;

    public static ParseResult<string> ReadRegistrationId(string? value) =>
        IsBlank(value) ? Missing<string>("登録ID") : TooLong<string>(value, ReasonCode.FieldInvalid, "登録ID") ?? ReadId(value!, "登録ID");

    public static ParseResult<string> ReadInsurerNumber(string? value)
    {
        if (IsBlank(value))
        {
            return Missing<string>("保険者番号");
        }

        if (TooLong<string>(value, ReasonCode.InsurerNumberInvalid, "保険者番号") is { } tooLong)
        {
            return tooLong;
        }

        var parsed = InsurerNumber.Parse(value);
        return parsed.IsValid ? ParseResult<string>.Ok(parsed.Value.Value) : ParseResult<string>.Fail(parsed.Error!.Value, parsed.ErrorMessage!);
    }

    public static ParseResult<PersonalNumber?> ReadPersonalNumber(string? value)
    {
        if (IsBlank(value))
        {
            return ParseResult<PersonalNumber?>.Ok(null);
        }

        if (TooLong<PersonalNumber?>(value, ReasonCode.PersonalNumberFormat, "個人番号") is { } tooLong)
        {
            return tooLong;
        }

        var parsed = PersonalNumber.Parse(value);
        return parsed.IsValid ? ParseResult<PersonalNumber?>.Ok(parsed.Value) : ParseResult<PersonalNumber?>.Fail(parsed.Error!.Value, parsed.ErrorMessage!);
    }

    public static ParseResult<DateOnly> ReadBirthDate(string? value, DateOnly today) =>
        IsBlank(value) ? Missing<DateOnly>("生年月日")
            : TooLong<DateOnly>(value, ReasonCode.BirthDateInvalid, "生年月日") ?? JapaneseDate.ParseBirthDate(value, today);

    public static ParseResult<KanaName> ReadKanaName(string? value) =>
        IsBlank(value) ? Missing<KanaName>("カナ氏名") : TooLong<KanaName>(value, ReasonCode.KanaNameInvalid, "カナ氏名") ?? KanaName.Parse(value);

    public static ParseResult<Sex?> ReadSex(string? value)
    {
        if (IsBlank(value))
        {
            return ParseResult<Sex?>.Ok(null);
        }

        if (TooLong<Sex?>(value, ReasonCode.FieldInvalid, "性別") is { } tooLong)
        {
            return tooLong;
        }

        var text = UnicodeText.TryNormalizeKc(value!.Trim(), out var folded) ? folded : null;
        return text switch
        {
            "1" => ParseResult<Sex?>.Ok(Sex.Male),
            "2" => ParseResult<Sex?>.Ok(Sex.Female),
            _ => ParseResult<Sex?>.Fail(ReasonCode.FieldInvalid, "性別は 1（男）または 2（女）で指定してください。"),
        };
    }

    public static ParseResult<DateOnly?> ReadQualificationDate(string? value)
    {
        if (IsBlank(value))
        {
            return ParseResult<DateOnly?>.Ok(null);
        }

        if (TooLong<DateOnly?>(value, ReasonCode.FieldInvalid, "資格取得日") is { } tooLong)
        {
            return tooLong;
        }

        var parsed = JapaneseDate.Parse(value, "資格取得日", ReasonCode.FieldInvalid);
        return parsed.IsValid ? ParseResult<DateOnly?>.Ok(parsed.Value) : ParseResult<DateOnly?>.Fail(parsed.Error!.Value, parsed.ErrorMessage!);
    }

    public static ParseResult<string?> ReadBatchId(string? value)
    {
        if (IsBlank(value))
        {
            return ParseResult<string?>.Ok(null);
        }

        if (TooLong<string?>(value, ReasonCode.FieldInvalid, "バッチID") is { } tooLong)
        {
            return tooLong;
        }

        var id = ReadId(value!, "バッチID");
        return id.IsValid ? ParseResult<string?>.Ok(id.Value) : ParseResult<string?>.Fail(id.Error!.Value, id.ErrorMessage!);
    }

    /// <summary>
    /// An optional free text (漢字氏名, 住所): trimmed, or null when blank. Too long or holding control characters is a
    /// problem; lost characters (●) are not: they are a warning when compared (<c>CharacterLost</c>).
    /// </summary>
    public static ParseResult<string?> ReadFreeText(string? value, string label, int maxLength)
    {
        if (IsBlank(value))
        {
            return ParseResult<string?>.Ok(null);
        }

        if (TooLong<string?>(value, ReasonCode.FieldInvalid, label) is { } tooLong)
        {
            return tooLong;
        }

        var trimmed = value!.Trim();
        if (trimmed.Length > maxLength)
        {
            return ParseResult<string?>.Fail(ReasonCode.FieldInvalid, $"{label}は{maxLength}文字以内で指定してください（{trimmed.Length}文字でした）。");
        }

        return trimmed.Any(c => char.IsControl(c))
            ? ParseResult<string?>.Fail(ReasonCode.FieldInvalid, $"{label}に制御文字が含まれています。")
            : ParseResult<string?>.Ok(trimmed);
    }

    public static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);

    /// <summary>Trimmed, or null when blank.</summary>
    public static string? Optional(string? value) => IsBlank(value) ? null : value!.Trim();

    /// <summary>A value over <see cref="MaxRawLength"/>, refused without being read; null when it is not that long.</summary>
    private static ParseResult<T>? TooLong<T>(string? value, ReasonCode code, string label) =>
        value is { Length: > MaxRawLength }
            ? ParseResult<T>.Fail(code, $"{label}が長すぎます（{value.Length:N0}文字、上限{MaxRawLength}文字）。")
            : null;

    private static ParseResult<T> Missing<T>(string label) => ParseResult<T>.Fail(ReasonCode.FieldMissing, $"{label}が指定されていません。");

    private static ParseResult<string> ReadId(string value, string label)
    {
        var trimmed = value.Trim();
        return trimmed.Length <= MaxIdLength
            ? ParseResult<string>.Ok(trimmed)
            : ParseResult<string>.Fail(ReasonCode.FieldInvalid, $"{label}は{MaxIdLength}文字以内で指定してください（{trimmed.Length}文字でした）。");
    }
}
