using MiddleServerValidation.Domain.Tests.TestSupport;

namespace MiddleServerValidation.Domain.Tests;

public class TokyoCalendarTests
{
    [Theory]
    [InlineData("2026-11-19T14:59:59Z", "2026-11-19")]
    [InlineData("2026-11-19T15:00:00Z", "2026-11-20")]
    [InlineData("2026-12-31T23:00:00-05:00", "2027-01-01")]
    public void Today_is_the_calendar_date_in_Japan(string instant, string expected)
    {
        var clock = new FixedClock(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TokyoCalendar.Today(clock));
    }

    [Fact]
    public void Two_in_the_morning_in_Japan_is_five_in_the_afternoon_UTC_the_day_before()
    {
        var at = TokyoCalendar.At(new DateOnly(2026, 11, 21), new TimeOnly(2, 0));

        Assert.Equal(new DateTimeOffset(2026, 11, 20, 17, 0, 0, TimeSpan.Zero), at.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(9), at.Offset);
    }

    [Fact]
    public void Now_is_the_time_in_Japan()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 20, 17, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateTime(2026, 11, 21, 2, 30, 0), TokyoCalendar.Now(clock).DateTime);
    }
}
