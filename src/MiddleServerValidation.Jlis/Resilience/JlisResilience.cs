using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;

namespace MiddleServerValidation.Jlis.Resilience;

/// <summary>
/// The one pipeline every lookup goes through, outermost first:
/// concurrency limit → retry (jittered exponential, Retry-After) → circuit breaker → attempt timeout.
/// A singleton: the breaker's health statistics and the concurrency slots must be shared by all lookups.
/// </summary>
internal sealed class JlisResilience : IDisposable
{
    /// <summary>What a lookup refused by a full queue reports as its cause.</summary>
    public const string QueueFullCause = "Too many J-LIS lookups are already waiting; the queue is full.";

    private readonly ConcurrencyLimiter limiter;
    private readonly CircuitBreakerStateProvider circuit = new();

    public JlisResilience(JlisOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider, IMeterFactory? meters = null)
    {
        Metrics = meters is null ? null : new JlisMetrics(meters, () => circuit.CircuitState);

        var logger = loggerFactory.CreateLogger("MiddleServerValidation.Jlis.Resilience");
        limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.MaxConcurrency,
            QueueLimit = options.MaxQueue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });

        Pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            // Outermost, so retries and their back-off hold the slot: N slots = at most N requests in flight.
            // A lookup that finds the queue full fails with RateLimiterRejectedException.
            .AddRateLimiter(limiter)
            // Outside the breaker, so each attempt is recorded by it, and an open circuit ends the retries.
            .AddRetry(Retry(options, logger, timeProvider))
            .AddCircuitBreaker(CircuitBreaker(options, logger, circuit))
            // Innermost: it bounds one attempt; a timed-out attempt counts as a failure for the breaker.
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    /// <summary>Null where the host has no metrics (the meter's owner is the host's factory).</summary>
    public JlisMetrics? Metrics { get; }

    /// <summary>The breaker's state as lookups see it now (for the readiness check and the circuit gauge).</summary>
    public CircuitState CircuitState => circuit.CircuitState;

    public void Dispose() => limiter.Dispose();

    private static RetryStrategyOptions<HttpResponseMessage> Retry(
        JlisOptions options, ILogger logger, TimeProvider timeProvider) => new()
    {
        ShouldHandle = TransientFailures.Retry(),
        MaxRetryAttempts = options.MaxRetryAttempts,
        Delay = options.RetryBaseDelay,
        BackoffType = DelayBackoffType.Exponential,
        // Jitter keeps many waiting lookups from hitting a recovering J-LIS in lockstep.
        UseJitter = true,
        // null falls back to the exponential delay; a 429 or 503 with Retry-After sets it instead.
        DelayGenerator = args => ValueTask.FromResult(RetryAfter.From(args.Outcome.Result, timeProvider)),
        OnRetry = args =>
        {
            logger.Retrying(args.AttemptNumber + 1, TransientFailures.Describe(args.Outcome), args.RetryDelay.TotalMilliseconds);
            return ValueTask.CompletedTask;
        },
    };

    private static CircuitBreakerStrategyOptions<HttpResponseMessage> CircuitBreaker(
        JlisOptions options, ILogger logger, CircuitBreakerStateProvider state) => new()
    {
        StateProvider = state,
        ShouldHandle = TransientFailures.CircuitBreaker(),
        FailureRatio = options.CircuitBreakerFailureRatio,
        MinimumThroughput = options.CircuitBreakerMinimumThroughput,
        SamplingDuration = options.CircuitBreakerSamplingDuration,
        BreakDuration = options.CircuitBreakerBreakDuration,
        OnOpened = args =>
        {
            logger.CircuitOpened(args.BreakDuration, TransientFailures.Describe(args.Outcome));
            return ValueTask.CompletedTask;
        },
        OnHalfOpened = _ =>
        {
            logger.CircuitHalfOpened();
            return ValueTask.CompletedTask;
        },
        OnClosed = _ =>
        {
            logger.CircuitClosed();
            return ValueTask.CompletedTask;
        },
    };
}
