namespace MiddleServerValidation.Domain.InsurerNumbers;

/// <summary>
/// 保険者番号: 8 digits 法別番号(2) + 都道府県番号(2) + 保険者別番号(3) + 検証番号(1), or 6 digits for 国保
/// (no 法別番号). An 8-digit value starting with "00" is a 国保 number padded the JP Core way.
/// The check digit is Luhn (MHLW「保険者番号等の設定要領」, DOMAIN.md §2).
/// </summary>
public readonly record struct InsurerNumber
{
    private readonly string? value;

    private InsurerNumber(string value) => this.value = value;

    /// <summary>The digits as given (after NFKC), 6 or 8 of them; a padded 国保 number keeps its "00".</summary>
    public string Value => value ?? string.Empty;

    /// <summary>国民健康保険: 6 digits, or 8 digits with 法別番号 "00".</summary>
    public bool IsNationalHealthInsurance => Value.Length == 6 || Value.StartsWith("00", StringComparison.Ordinal);

    /// <summary>法別番号, or null for 国保.</summary>
    public string? LawCode => IsNationalHealthInsurance ? null : Value[..2];

    /// <summary>都道府県番号, 01–47.</summary>
    public string PrefectureCode => Value.Length < 6 ? string.Empty : Value[^6..^4];

    public override string ToString() => Value;

    public static ParseResult<InsurerNumber> Parse(string? input)
    {
        if (input is null || !UnicodeText.TryNormalizeKc(input, out var text) || text.Trim().Length == 0)
        {
            return Fail("保険者番号が読み取れません。検証番号を含む6桁または8桁の数字で指定してください。");
        }

        text = text.Trim();
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return Fail("保険者番号に数字以外の文字が含まれています。6桁または8桁の数字で指定してください。");
            }
        }

        if (text.Length is not (6 or 8))
        {
            return Fail($"保険者番号は6桁（国民健康保険）または8桁で指定してください（{text.Length}桁でした）。");
        }

        // The last six digits are 都道府県 + 保険者別 + 検証 in both layouts, so a padded 国保 number
        // ("00" + 6 digits) is checked exactly like the 6-digit form; the leading zeros add nothing to the sum.
        var lastSix = text.AsSpan(text.Length - 6);
        var prefecture = (lastSix[0] - '0') * 10 + (lastSix[1] - '0');
        if (prefecture is < 1 or > 47)
        {
            return Fail($"保険者番号の都道府県番号（{lastSix[..2]}）が01〜47の範囲外です。");
        }

        if (ComputeCheckDigit(text.AsSpan(0, text.Length - 1)) != text[^1] - '0')
        {
            return Fail("保険者番号の検証番号（末尾の1桁）が一致しません。番号に誤りがないか確認してください。");
        }

        return ParseResult<InsurerNumber>.Ok(new InsurerNumber(text));
    }

    /// <summary>
    /// Luhn: from the last body digit leftwards multiply by 2,1,2,1…, add the digits of each product,
    /// check digit = (10 − sum mod 10) mod 10.
    /// </summary>
    /// <exception cref="ArgumentException">The body holds a non-digit (a programming error, not user input).</exception>
    public static int ComputeCheckDigit(ReadOnlySpan<char> body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[body.Length - 1 - i];
            if (!char.IsAsciiDigit(c))
            {
                throw new ArgumentException("The body must be ASCII digits.", nameof(body));
            }

            var product = (c - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }

        return (10 - sum % 10) % 10;
    }

    private static ParseResult<InsurerNumber> Fail(string message) =>
        ParseResult<InsurerNumber>.Fail(ReasonCode.InsurerNumberInvalid, message);
}
