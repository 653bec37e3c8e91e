using System.Net.Http.Headers;

namespace MiddleServerValidation.Jlis.Resilience;

/// <summary>Reads the server's Retry-After (seconds or HTTP date) so a throttled J-LIS sets the pace.</summary>
internal static class RetryAfter
{
    /// <summary>A misbehaving server must not park a lookup (and its concurrency slot) for hours.</summary>
    public static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(30);

    public static TimeSpan? From(HttpResponseMessage? response, TimeProvider timeProvider)
    {
        RetryConditionHeaderValue? header = response?.Headers.RetryAfter;
        TimeSpan? delay = header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - timeProvider.GetUtcNow(),
            _ => null,
        };

        if (delay is not { } value)
        {
            return null;
        }

        return value <= TimeSpan.Zero ? TimeSpan.Zero : value > Ceiling ? Ceiling : value;
    }
}
