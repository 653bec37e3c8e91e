namespace MiddleServerValidation.ServiceDefaults.Telemetry;

/// <summary>
/// A value for an observable gauge that costs a query to know. Gauges are read synchronously when metrics are collected,
/// so each read returns the last sample and, when that is older than <paramref name="maxAge"/>, starts a new one in the
/// background: the database is asked only while someone collects, at most once per <paramref name="maxAge"/>, and the
/// figure lags by one collection at most. A failed sample keeps the last value (the next read tries again).
/// </summary>
public sealed class SampledValue<T>(Func<CancellationToken, Task<T>> sample, TimeSpan maxAge, TimeProvider clock)
    where T : struct
{
    private readonly Lock _gate = new();
    private T? _value;
    private long _sampledAt;
    private Task? _sampling;

    /// <summary>The last sample, or null before the first one has finished.</summary>
    public T? Read()
    {
        lock (_gate)
        {
            if (_sampling is null && (_value is null || clock.GetElapsedTime(_sampledAt) >= maxAge))
            {
                _sampling = Task.Run(SampleAsync);
            }

            return _value;
        }
    }

    private async Task SampleAsync()
    {
        T? value = null;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            value = await sample(timeout.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The gauge stays at its last value; an unreachable database shows in readiness, not here.
        }

        lock (_gate)
        {
            _value = value ?? _value;
            _sampledAt = clock.GetTimestamp();
            _sampling = null;
        }
    }
}
