using Microsoft.Extensions.Options;

namespace MiddleServerValidation.JlisStub.Faults;

/// <summary>Holds the faults in force: from configuration at start, replaced by <c>PUT /admin/faults</c>.</summary>
internal sealed partial class FaultInjector
{
    private readonly ILogger<FaultInjector> logger;
    private volatile ActiveFaults current;

    public FaultInjector(IOptions<FaultSettings> initial, ILogger<FaultInjector> logger)
    {
        this.logger = logger;
        current = new ActiveFaults(initial.Value);
        LogFaults(logger, current.Settings.LatencyMs, current.Settings.ErrorRate, current.Settings.RequestsPerSecond);
    }

    public ActiveFaults Current => current;

    public void Apply(FaultSettings settings)
    {
        current = new ActiveFaults(settings);
        LogFaults(logger, settings.LatencyMs, settings.ErrorRate, settings.RequestsPerSecond);
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information,
        Message = "Faults in force: latency {LatencyMs} ms, error rate {ErrorRate}, {RequestsPerSecond} requests/s (0 = unlimited)")]
    private static partial void LogFaults(ILogger logger, int latencyMs, double errorRate, int requestsPerSecond);
}
