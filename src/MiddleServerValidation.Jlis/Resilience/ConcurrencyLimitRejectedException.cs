using Polly;

namespace MiddleServerValidation.Jlis.Resilience;

/// <summary>The lookup queue is full: J-LIS is already saturated by lookups waiting their turn.</summary>
internal sealed class ConcurrencyLimitRejectedException : ExecutionRejectedException
{
    public ConcurrencyLimitRejectedException()
        : base("Too many J-LIS lookups are already waiting; the queue is full.")
    {
    }
}
