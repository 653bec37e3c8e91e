using System.Globalization;

namespace MiddleServerValidation.Domain.Addresses;

/// <summary>
/// Kanji numerals in 丁目・番地・号 (docs/matching.md, "Kanji numerals"): digits 〇零一壱二弐三参四五六七八九 and units
/// 十拾百千. Positional (二〇二 = 202) or multiplicative (二十三 = 23, 千二百三十四 = 1234) forms only; anything else
/// (三五十, 十十) is a name and is left as written.
/// </summary>
internal static class KanjiNumerals
{
    public const string Digits = "〇零一壱二弐三参四五六七八九";
    public const string Units = "十拾百千";
    public const string Characters = Digits + Units;

    /// <summary>The value in ASCII digits without leading zeros, or null when the run is not a well-formed number.</summary>
    public static string? ToArabic(ReadOnlySpan<char> run)
    {
        if (run.IsEmpty || run.ContainsAnyExcept(Characters))
        {
            return null;
        }

        if (!run.ContainsAny(Units))
        {
            // Positional: every character is a digit. As text, because a long run would overflow any integer.
            var digits = new char[run.Length];
            for (var i = 0; i < run.Length; i++)
            {
                digits[i] = (char)('0' + DigitOf(run[i]));
            }

            var trimmed = new string(digits).TrimStart('0');
            return trimmed.Length == 0 ? "0" : trimmed;
        }

        var total = 0;
        int? digit = null;
        var lastUnit = int.MaxValue;
        foreach (var c in run)
        {
            if (Digits.Contains(c, StringComparison.Ordinal))
            {
                if (digit is not null)
                {
                    return null;
                }

                digit = DigitOf(c);
                continue;
            }

            // Units strictly decreasing, and 〇 never multiplies one: 十十, 百千 and 〇十 are not numbers.
            var unit = UnitOf(c);
            if (unit >= lastUnit || digit == 0)
            {
                return null;
            }

            total += (digit ?? 1) * unit;
            digit = null;
            lastUnit = unit;
        }

        return (total + (digit ?? 0)).ToString(CultureInfo.InvariantCulture);
    }

    private static int DigitOf(char c) => c switch
    {
        '〇' or '零' => 0,
        '一' or '壱' => 1,
        '二' or '弐' => 2,
        '三' or '参' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        _ => 9,
    };

    private static int UnitOf(char c) => c switch
    {
        '十' or '拾' => 10,
        '百' => 100,
        _ => 1000,
    };
}
