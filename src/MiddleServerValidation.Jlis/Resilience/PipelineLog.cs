using Microsoft.Extensions.Logging;

namespace MiddleServerValidation.Jlis.Resilience;

/// <summary>What the pipeline reports. Nothing here may carry a personal number.</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "J-LIS lookup attempt {Attempt} failed ({Cause}); retrying in {DelayMs} ms")]
    public static partial void Retrying(this ILogger logger, int attempt, string cause, double delayMs);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning,
        Message = "J-LIS circuit opened for {BreakDuration} after {Cause}; lookups answer Unavailable meanwhile")]
    public static partial void CircuitOpened(this ILogger logger, TimeSpan breakDuration, string cause);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information,
        Message = "J-LIS circuit half-open; the next lookup probes J-LIS")]
    public static partial void CircuitHalfOpened(this ILogger logger);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information,
        Message = "J-LIS circuit closed; lookups flow again")]
    public static partial void CircuitClosed(this ILogger logger);
}
