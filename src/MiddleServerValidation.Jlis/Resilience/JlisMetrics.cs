using System.Diagnostics.Metrics;
using Polly.CircuitBreaker;

namespace MiddleServerValidation.Jlis.Resilience;

/// <summary>The J-LIS adapter's meter: the circuit breaker's state, read when the meter is collected.</summary>
internal sealed class JlisMetrics
{
    public const string MeterName = "MiddleServerValidation.Jlis";

    public JlisMetrics(IMeterFactory meters, Func<CircuitState> state)
    {
        var meter = meters.Create(MeterName);
        // 0 closed, 1 open, 2 half-open, 3 isolated (Polly's CircuitState): anything above 0 means lookups are held back.
        meter.CreateObservableGauge("msv.jlis.circuit.state", () => (int)state(), unit: "{state}",
            description: "The J-LIS circuit breaker: 0 closed, 1 open, 2 half-open, 3 isolated.");
    }
}
