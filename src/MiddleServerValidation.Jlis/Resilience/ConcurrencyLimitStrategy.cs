using System.Threading.RateLimiting;
using Polly;

namespace MiddleServerValidation.Jlis.Resilience;

/// <summary>
/// The outermost strategy: at most N lookups talk to J-LIS at once, the rest queue in arrival order.
/// It wraps the retries, so a lookup keeps its slot while it backs off and the number of requests
/// in flight towards J-LIS never exceeds N. (Polly.RateLimiting, which has this, is not available here.)
/// </summary>
internal sealed class ConcurrencyLimitStrategy(RateLimiter limiter) : ResilienceStrategy
{
    protected override async ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback,
        ResilienceContext context,
        TState state)
    {
        RateLimitLease lease;
        try
        {
            lease = await limiter.AcquireAsync(permitCount: 1, context.CancellationToken)
                .ConfigureAwait(context.ContinueOnCapturedContext);
        }
        catch (OperationCanceledException e)
        {
            // Strategies report failures as outcomes, never by throwing.
            return Outcome.FromException<TResult>(e);
        }

        using (lease)
        {
            if (!lease.IsAcquired)
            {
                return Outcome.FromException<TResult>(new ConcurrencyLimitRejectedException());
            }

            return await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        }
    }
}
