using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace MiddleServerValidation.Jlis.Resilience;

/// <summary>
/// The one pipeline every lookup goes through, outermost first:
/// concurrency limit → retry (jittered exponential, Retry-After) → circuit breaker → attempt timeout.
/// A singleton: the breaker's health statistics and the concurrency slots must be shared by all lookups.
/// </summary>
internal sealed class JlisResilience : IDisposable
{
    private readonly ConcurrencyLimiter limiter;

    public JlisResilience(JlisOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        var logger = loggerFactory.CreateLogger("MiddleServerValidation.Jlis.Resilience");
        limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.MaxConcurrency,
            QueueLimit = options.MaxQueue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });

        Pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            // Outermost, so retries and their back-off hold the slot: N slots = at most N requests in flight.
            .AddStrategy(_ => new ConcurrencyLimitStrategy(limiter))
            // Outside the breaker, so each attempt is recorded by it, and an open circuit ends the retries.
            .AddRetry(Retry(options, logger, timeProvider))
            .AddCircuitBreaker(CircuitBreaker(options, logger))
            // Innermost: it bounds one attempt; a timed-out attempt counts as a failure for the breaker.
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

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
        JlisOptions options, ILogger logger) => new()
    {
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
