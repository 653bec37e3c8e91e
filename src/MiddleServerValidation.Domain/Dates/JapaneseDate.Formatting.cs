using System.Globalization;

namespace MiddleServerValidation.Domain.Dates;

/// <summary>Era forms of a date, for screens and for the legacy systems that want them.</summary>
public static partial class JapaneseDate
{
    /// <summary><c>H1.9.13</c>.</summary>
    public static string ToEraShort(DateOnly date)
    {
        var era = EraOf(date);
        return string.Create(CultureInfo.InvariantCulture, $"{era.Letter}{era.YearOf(date)}.{date.Month}.{date.Day}");
    }

    /// <summary><c>平成元年9月13日</c>: the first year is 元年 in prose.</summary>
    public static string ToEraKanji(DateOnly date)
    {
        var era = EraOf(date);
        var year = era.YearOf(date);
        var yearText = year == 1 ? "元" : year.ToString(CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{era.Kanji}{yearText}年{date.Month}月{date.Day}日");
    }

    /// <summary><c>4010913</c>: 年号区分コード + two-digit year, month and day (レセプト電算).</summary>
    public static string ToGyymmdd(DateOnly date)
    {
        var era = EraOf(date);
        return string.Create(CultureInfo.InvariantCulture, $"{era.Code}{era.YearOf(date):00}{date.Month:00}{date.Day:00}");
    }

    private static Era EraOf(DateOnly date) =>
        Era.Of(date) ?? throw new ArgumentOutOfRangeException(nameof(date), date, "The date is before 明治 (1868-10-23).");
}
