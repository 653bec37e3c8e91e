namespace MiddleServerValidation.Domain.Tests.TestSupport;

/// <summary>A clock stopped at one instant, so "today" is known in every test.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>2026-11-20 12:00 in Japan.</summary>
    public static FixedClock JapanNoon { get; } = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.FromHours(9)));

    public static DateOnly JapanToday { get; } = new(2026, 11, 20);

    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
