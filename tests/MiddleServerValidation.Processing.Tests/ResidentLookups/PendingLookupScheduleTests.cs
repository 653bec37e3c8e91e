using MiddleServerValidation.Processing.ResidentLookups;

namespace MiddleServerValidation.Processing.Tests.ResidentLookups;

public sealed class PendingLookupScheduleTests
{
    private readonly PendingLookupSchedule _schedule = new(new ProcessingOptions
    {
        PendingLookupFirstDelay = TimeSpan.FromSeconds(15),
        PendingLookupMaxDelay = TimeSpan.FromHours(1),
    });

    [Theory]
    [InlineData(1, 15)]
    [InlineData(2, 30)]
    [InlineData(3, 60)]
    [InlineData(8, 1920)]
    public void The_delay_doubles_with_each_attempt(int attempts, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), _schedule.DelayAfter(attempts));
    }

    [Theory]
    [InlineData(9)]
    [InlineData(1_000)]
    public void The_delay_never_passes_the_maximum(int attempts)
    {
        Assert.Equal(TimeSpan.FromHours(1), _schedule.DelayAfter(attempts));
    }
}
