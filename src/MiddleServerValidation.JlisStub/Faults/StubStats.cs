namespace MiddleServerValidation.JlisStub.Faults;

/// <summary>What the stub saw, so tests can tell retries and short-circuits apart from lookups.</summary>
internal sealed class StubStats
{
    private long totalRequests;
    private long tooManyRequests;
    private long serviceUnavailable;
    private long notFound;
    private long badRequests;
    private int inFlight;
    private int maxInFlight;

    /// <summary>Counts a lookup request and keeps it in flight until the returned scope is disposed.</summary>
    public InFlightScope BeginRequest()
    {
        Interlocked.Increment(ref totalRequests);
        var now = Interlocked.Increment(ref inFlight);
        var seen = Volatile.Read(ref maxInFlight);
        while (now > seen)
        {
            var previous = Interlocked.CompareExchange(ref maxInFlight, now, seen);
            if (previous == seen)
            {
                break;
            }

            seen = previous;
        }

        return new InFlightScope(this);
    }

    public void CountTooManyRequests() => Interlocked.Increment(ref tooManyRequests);

    public void CountServiceUnavailable() => Interlocked.Increment(ref serviceUnavailable);

    public void CountNotFound() => Interlocked.Increment(ref notFound);

    public void CountBadRequest() => Interlocked.Increment(ref badRequests);

    public StubStatsSnapshot Snapshot() => new(
        Interlocked.Read(ref totalRequests),
        Interlocked.Read(ref tooManyRequests),
        Interlocked.Read(ref serviceUnavailable),
        Interlocked.Read(ref notFound),
        Interlocked.Read(ref badRequests),
        Volatile.Read(ref inFlight),
        Volatile.Read(ref maxInFlight));

    public readonly struct InFlightScope(StubStats stats) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref stats.inFlight);
    }
}

/// <summary>Body of <c>GET /admin/stats</c>.</summary>
internal sealed record StubStatsSnapshot(
    long TotalRequests,
    long TooManyRequests,
    long ServiceUnavailable,
    long NotFound,
    long BadRequests,
    int InFlight,
    int MaxInFlight);
