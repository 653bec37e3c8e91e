using System.Globalization;
using MiddleServerValidation.Domain.Dates;

namespace MiddleServerValidation.Reports;

/// <summary>Figures and dates the way the MHLW material writes them: 約3.5万件, 2026-11-21（令和8年11月21日）.</summary>
public static class JapaneseFigures
{
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    /// <summary>Rounded for a headline: <c>1,234件</c> below ten thousand, then <c>約3.5万件</c>, <c>約1.6億件</c>.</summary>
    public static string Approximate(long count) => count switch
    {
        < 10_000 => Exact(count),
        < 100_000_000 => string.Create(Japanese, $"約{Round(count / 10_000d)}万件"),
        _ => string.Create(Japanese, $"約{Round(count / 100_000_000d)}億件"),
    };

    public static string Exact(long count) => string.Create(Japanese, $"{count:N0}件");

    public static string Date(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd}（{JapaneseDate.ToEraKanji(date)}）");

    public static string ShortDate(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Month}/{date.Day}");

    // One decimal below 10 (3.5万), whole numbers above (27万): as precise as a headline needs.
    private static string Round(double value) =>
        value < 10 ? Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture) : Math.Round(value).ToString("N0", CultureInfo.InvariantCulture);
}
