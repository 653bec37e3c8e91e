using System.Globalization;
using System.Text.RegularExpressions;

namespace MiddleServerValidation.Domain.Dates;

/// <summary>
/// Dates as insurers write them: ISO (<c>1989-09-13</c>, <c>1989/09/13</c>), era forms (<c>H1.9.13</c>,
/// <c>H01.09.13</c>, <c>平成元年9月13日</c>, full-width after NFKC) and the 7-digit レセプト電算 form
/// <c>GYYMMDD</c>. Reference: shared/domain/wareki.py.
/// </summary>
public static partial class JapaneseDate
{
    /// <summary>Reads a date; a failure carries <see cref="ReasonCode.FieldInvalid"/> and a Japanese message.</summary>
    public static ParseResult<DateOnly> Parse(string? input) => Parse(input, "日付", ReasonCode.FieldInvalid);

    /// <summary>
    /// A birthdate: a date that is neither in the future nor before 明治 (1868-10-23).
    /// <paramref name="today"/> is the Japanese calendar date (see <see cref="TokyoCalendar"/>).
    /// </summary>
    public static ParseResult<DateOnly> ParseBirthDate(string? input, DateOnly today)
    {
        var parsed = Parse(input, "生年月日", ReasonCode.BirthDateInvalid);
        if (!parsed.IsValid)
        {
            return parsed;
        }

        if (parsed.Value > today)
        {
            return ParseResult<DateOnly>.Fail(ReasonCode.BirthDateInvalid, "生年月日が未来の日付です。");
        }

        return parsed.Value < Era.EarliestDate
            ? ParseResult<DateOnly>.Fail(ReasonCode.BirthDateInvalid, "生年月日が明治元年（1868年10月23日）より前です。")
            : parsed;
    }

    internal static ParseResult<DateOnly> Parse(string? input, string label, ReasonCode code)
    {
        if (input is null || !UnicodeText.TryNormalizeKc(input, out var text) || text.Trim().Length == 0)
        {
            return ParseResult<DateOnly>.Fail(code, $"{label}が指定されていません。");
        }

        text = text.Trim();
        if (IsoPattern().Match(text) is { Success: true } iso)
        {
            return FromGregorian(Number(iso.Groups[1]), Number(iso.Groups[2]), Number(iso.Groups[3]), label, code);
        }

        if (ReceiptPattern().Match(text) is { Success: true } receipt)
        {
            return FromEra(Era.Find(receipt.Groups[1].Value)!, Number(receipt.Groups[2]),
                Number(receipt.Groups[3]), Number(receipt.Groups[4]), label, code);
        }

        if (EraPattern().Match(text) is { Success: true } era)
        {
            var year = era.Groups[2].Value == "元" ? 1 : Number(era.Groups[2]);
            return FromEra(Era.Find(era.Groups[1].Value)!, year, Number(era.Groups[3]), Number(era.Groups[4]), label, code);
        }

        return ParseResult<DateOnly>.Fail(code,
            $"{label}の形式を読み取れません。1989-09-13、H1.9.13、平成元年9月13日、4010913 のいずれかの形式で指定してください。");
    }

    private static ParseResult<DateOnly> FromGregorian(int year, int month, int day, string label, ReasonCode code) =>
        IsRealDate(year, month, day)
            ? ParseResult<DateOnly>.Ok(new DateOnly(year, month, day))
            : ParseResult<DateOnly>.Fail(code, $"{label}に存在しない日付が指定されています（{year}年{month}月{day}日）。");

    private static ParseResult<DateOnly> FromEra(Era era, int year, int month, int day, string label, ReasonCode code)
    {
        var written = $"{era.Kanji}{year}年{month}月{day}日";
        if (year < 1)
        {
            return ParseResult<DateOnly>.Fail(code, $"{label}の年は1以上（元年）で指定してください（{written}）。");
        }

        var gregorianYear = era.FirstDay.Year + year - 1;
        if (!IsRealDate(gregorianYear, month, day))
        {
            return ParseResult<DateOnly>.Fail(code, $"{label}に存在しない日付が指定されています（{written}）。");
        }

        var date = new DateOnly(gregorianYear, month, day);
        if (Era.Of(date) != era)
        {
            var span = date < era.FirstDay
                ? $"{era.Kanji}は{FormatKanjiGregorian(era.FirstDay)}から"
                : $"{era.Kanji}は{FormatKanjiGregorian(era.LastDay!.Value)}まで";
            return ParseResult<DateOnly>.Fail(code, $"{label}が元号の期間外です（{written}：{span}）。");
        }

        return ParseResult<DateOnly>.Ok(date);
    }

    private static bool IsRealDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static string FormatKanjiGregorian(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    // The patterns only ever capture ASCII digits ([0-9], never \d), so this cannot fail.
    private static int Number(Group group) => int.Parse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^([0-9]{4})[-/]([0-9]{1,2})[-/]([0-9]{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^([1-5])([0-9]{2})([0-9]{2})([0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex ReceiptPattern();

    [GeneratedRegex(
        @"^(明治|大正|昭和|平成|令和|[MTSHRmtshr明大昭平令])\s*(元|[0-9]{1,2})\s*[.\-/年]\s*([0-9]{1,2})\s*[.\-/月]\s*([0-9]{1,2})\s*日?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex EraPattern();
}
