namespace MiddleServerValidation.Domain;

/// <summary>
/// "Today" as the insurers see it: the calendar date in Japan. A birthdate is in the future by the Japanese
/// calendar, not by the server's UTC clock (between 00:00 and 09:00 JST the two disagree).
/// </summary>
public static class TokyoCalendar
{
    // Japan has had no daylight saving time since 1951, so a fixed UTC+9 is exact when the
    // tz database is missing (e.g. a slim container image).
    private static readonly TimeZoneInfo Tokyo =
        TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Tokyo", out var zone)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone("JST", TimeSpan.FromHours(9), "JST", "JST");

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(Now(clock).DateTime);
    }

    /// <summary>The Japanese calendar date of an instant (e.g. when a record was received).</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Tokyo).DateTime);

    /// <summary>The current time in Japan, with its +09:00 offset.</summary>
    public static DateTimeOffset Now(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Tokyo);
    }

    /// <summary>The instant a Japanese calendar day reaches a time of day (e.g. the nightly schedule's 02:00).</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly timeOfDay)
    {
        var local = day.ToDateTime(timeOfDay);
        return new DateTimeOffset(local, Tokyo.GetUtcOffset(local));
    }
}
