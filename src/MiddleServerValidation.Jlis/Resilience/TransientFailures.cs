using System.Net;
using Polly;
using Polly.Timeout;

namespace MiddleServerValidation.Jlis.Resilience;

/// <summary>Which outcomes are worth another attempt, and which count against J-LIS's health.</summary>
internal static class TransientFailures
{
    /// <summary>
    /// Network errors, attempt timeouts, 5xx, 408 and 429. Never 400/404 (asking again gives the
    /// same answer) and never an open circuit (retrying it only burns attempts while J-LIS rests).
    /// </summary>
    public static PredicateBuilder<HttpResponseMessage> Retry() => new PredicateBuilder<HttpResponseMessage>()
        .Handle<HttpRequestException>()
        .Handle<TimeoutRejectedException>()
        .HandleResult(response => IsServerFailure(response.StatusCode)
            || response.StatusCode == HttpStatusCode.TooManyRequests);

    /// <summary>
    /// Like <see cref="Retry"/> but without 429: a throttled J-LIS is healthy and tells us when to
    /// come back (Retry-After), so throttling must not trip the breaker and stop every lookup.
    /// </summary>
    public static PredicateBuilder<HttpResponseMessage> CircuitBreaker() => new PredicateBuilder<HttpResponseMessage>()
        .Handle<HttpRequestException>()
        .Handle<TimeoutRejectedException>()
        .HandleResult(response => IsServerFailure(response.StatusCode));

    private static bool IsServerFailure(HttpStatusCode status) =>
        (int)status >= 500 || status == HttpStatusCode.RequestTimeout;

    /// <summary>A short English description of a failed attempt, for logs; never holds request data.</summary>
    public static string Describe(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException e } => $"{nameof(HttpRequestException)} ({e.HttpRequestError})",
        { Exception: TimeoutRejectedException e } => $"attempt timed out after {e.Timeout.TotalMilliseconds:0} ms",
        { Exception: { } e } => e.GetType().Name,
        { Result: { } response } => $"HTTP {(int)response.StatusCode}",
        _ => "unknown outcome",
    };
}
