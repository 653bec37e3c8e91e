namespace MiddleServerValidation.Domain.PersonalNumbers;

/// <summary>
/// 個人番号 (My Number): 12 ASCII digits whose last digit is the check digit of 平成26年総務省令第85号 第5条.
/// <see cref="ToString"/> gives the masked form, so the number cannot leak into logs by accident.
/// The check digit only catches typing errors: someone else's valid number always passes (DOMAIN.md §1).
/// </summary>
public readonly record struct PersonalNumber
{
    public const int Length = 12;

    // Weights for the base read right to left (Qn of the ordinance): 2,3,4,5,6,7,2,3,4,5,6.
    private static ReadOnlySpan<byte> WeightsFromRight => [2, 3, 4, 5, 6, 7, 2, 3, 4, 5, 6];

    private readonly string? value;

    private PersonalNumber(string value) => this.value = value;

    /// <summary>The 12 digits in plain text. Handle with care: never log it.</summary>
    public string Value => value ?? string.Empty;

    /// <summary>All but the last four digits masked: <c>********9018</c>.</summary>
    public string Masked => value is null ? string.Empty : string.Concat("********", value.AsSpan(Length - 4));

    public override string ToString() => Masked;

    public static ParseResult<PersonalNumber> Parse(string? input)
    {
        if (input is null || !UnicodeText.TryNormalizeKc(input, out var text))
        {
            return Fail(ReasonCode.PersonalNumberFormat, "個人番号が読み取れません。12桁の数字で指定してください。");
        }

        text = text.Trim();
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return Fail(ReasonCode.PersonalNumberFormat,
                    "個人番号に数字以外の文字が含まれています。12桁の数字で指定してください。");
            }
        }

        if (text.Length != Length)
        {
            return Fail(ReasonCode.PersonalNumberFormat, $"個人番号は12桁の数字で指定してください（{text.Length}桁でした）。");
        }

        if (ComputeCheckDigit(text.AsSpan(0, Length - 1)) != text[Length - 1] - '0')
        {
            return Fail(ReasonCode.PersonalNumberCheckDigit,
                "個人番号の検査用数字（12桁目）が一致しません。個人番号に誤りがないか確認してください。");
        }

        return ParseResult<PersonalNumber>.Ok(new PersonalNumber(text));
    }

    /// <summary>The check digit for an 11-digit base: 11 − (Σ Pn×Qn mod 11), or 0 when the remainder is 0 or 1.</summary>
    /// <exception cref="ArgumentException">The base is not 11 ASCII digits (a programming error, not user input).</exception>
    public static int ComputeCheckDigit(ReadOnlySpan<char> elevenDigits)
    {
        if (elevenDigits.Length != Length - 1)
        {
            throw new ArgumentException("The base must be 11 ASCII digits.", nameof(elevenDigits));
        }

        var sum = 0;
        for (var n = 0; n < elevenDigits.Length; n++)
        {
            var c = elevenDigits[elevenDigits.Length - 1 - n];
            if (!char.IsAsciiDigit(c))
            {
                throw new ArgumentException("The base must be 11 ASCII digits.", nameof(elevenDigits));
            }

            sum += (c - '0') * WeightsFromRight[n];
        }

        var remainder = sum % 11;
        return remainder <= 1 ? 0 : 11 - remainder;
    }

    private static ParseResult<PersonalNumber> Fail(ReasonCode code, string message) =>
        ParseResult<PersonalNumber>.Fail(code, message);
}
