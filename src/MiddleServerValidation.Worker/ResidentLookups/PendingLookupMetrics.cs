using System.Diagnostics.Metrics;
using MiddleServerValidation.Processing.ResidentLookups;
using MiddleServerValidation.ServiceDefaults.Telemetry;

namespace MiddleServerValidation.Worker.ResidentLookups;

/// <summary>
/// Registrations waiting for J-LIS (Pending), sampled from the database while metrics are collected, and what each
/// retry of theirs came to.
/// </summary>
public sealed class PendingLookupMetrics
{
    public const string MeterName = "MiddleServerValidation.ResidentLookups";

    private readonly Counter<long> _retried;

    public PendingLookupMetrics(IMeterFactory meters, PendingLookupRetrier retrier, TimeProvider clock)
    {
        var pending = new SampledValue<long>(retrier.CountPendingAsync, TimeSpan.FromSeconds(10), clock);
        var meter = meters.Create(MeterName);
        _retried = meter.CreateCounter<long>("msv.jlis.lookups.retried", "{registration}",
            "Pending registrations asked about again: decided (J-LIS answered) or still pending.");
        meter.CreateObservableGauge("msv.jlis.lookups.pending",
            () => pending.Read() is { } count ? [new Measurement<long>(count)] : Array.Empty<Measurement<long>>(), "{registration}",
            "Registrations waiting as Pending for a J-LIS answer.");
    }

    public void Retried(PendingRetryResult result)
    {
        if (result.Completed > 0)
        {
            _retried.Add(result.Completed, new KeyValuePair<string, object?>("result", "decided"));
        }

        if (result.StillPending > 0)
        {
            _retried.Add(result.StillPending, new KeyValuePair<string, object?>("result", "still_pending"));
        }
    }
}
