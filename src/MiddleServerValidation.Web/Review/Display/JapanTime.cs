using System.Globalization;
using MiddleServerValidation.Domain.Dates;

namespace MiddleServerValidation.Web.Review.Display;

/// <summary>
/// Dates and times as staff read them: Japan time, 西暦 with 和暦 beside it,
/// e.g. <c>2026-11-21（令和8年11月21日）</c> and <c>2026-11-21 14:05（令和8年11月21日）</c>.
/// </summary>
public static class JapanTime
{
    // Japan has no daylight saving time: a fixed UTC+9 is exact when the tz database is missing.
    private static readonly TimeZoneInfo Tokyo =
        TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Tokyo", out var zone)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone("JST", TimeSpan.FromHours(9), "JST", "JST");

    public static DateTimeOffset ToJapan(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Tokyo);

    public static string Date(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd}（{Era(date)}）");

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "—";

    public static string DateTime(DateTimeOffset instant)
    {
        var local = ToJapan(instant);
        var date = DateOnly.FromDateTime(local.DateTime);
        return string.Create(CultureInfo.InvariantCulture, $"{local:yyyy-MM-dd HH:mm:ss}（{Era(date)}）");
    }

    public static string DateTime(DateTimeOffset? instant) => instant is { } i ? DateTime(i) : "—";

    public static string TimeOfDay(DateTimeOffset instant) =>
        ToJapan(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The start of a Japan calendar day as an instant, in UTC (what Npgsql writes to timestamptz).</summary>
    public static DateTimeOffset StartOf(DateOnly date)
    {
        var start = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(start, Tokyo.GetUtcOffset(start)).ToUniversalTime();
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToJapan(clock.GetUtcNow()).DateTime);

    // Dates before 明治 have no era; they cannot be birthdates of anyone registered, but must not break a page.
    private static string Era(DateOnly date) =>
        date >= new DateOnly(1868, 10, 23) ? JapaneseDate.ToEraKanji(date) : "和暦なし";
}
