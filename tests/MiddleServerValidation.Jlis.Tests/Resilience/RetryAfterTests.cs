using System.Net;
using System.Net.Http.Headers;
using MiddleServerValidation.Jlis.Resilience;

namespace MiddleServerValidation.Jlis.Tests.Resilience;

/// <summary>The HTTP-date form and the ceiling cannot be produced by the stub, so they are checked here.</summary>
public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeProvider Clock = new FixedClock(Now);

    [Fact]
    public void Seconds_are_taken_as_given() =>
        Assert.Equal(TimeSpan.FromSeconds(1), RetryAfter.From(Throttled(new RetryConditionHeaderValue(TimeSpan.FromSeconds(1))), Clock));

    [Fact]
    public void A_date_is_measured_from_the_time_provider() =>
        Assert.Equal(TimeSpan.FromSeconds(5), RetryAfter.From(Throttled(new RetryConditionHeaderValue(Now.AddSeconds(5))), Clock));

    [Fact]
    public void A_date_in_the_past_means_now() =>
        Assert.Equal(TimeSpan.Zero, RetryAfter.From(Throttled(new RetryConditionHeaderValue(Now.AddSeconds(-5))), Clock));

    [Fact]
    public void A_huge_wait_is_capped() =>
        Assert.Equal(RetryAfter.Ceiling, RetryAfter.From(Throttled(new RetryConditionHeaderValue(TimeSpan.FromHours(1))), Clock));

    [Fact]
    public void No_header_or_no_response_leaves_the_back_off_to_the_retry_strategy()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.Null(RetryAfter.From(response, Clock));
        Assert.Null(RetryAfter.From(null, Clock));
    }

    private static HttpResponseMessage Throttled(RetryConditionHeaderValue retryAfter) =>
        new(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = retryAfter } };

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
