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
}
