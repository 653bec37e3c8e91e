using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MiddleServerValidation.Worker.Notices;

/// <summary>
/// Liveness of the notice dispatcher. Every round is bounded (claim, sends within the send timeout, mark), so a loop
/// that has not come round for several bounds is stuck: the worker is then not alive and its orchestrator restarts it.
/// </summary>
public sealed class NoticeDispatchHealthCheck(NoticeDispatcher dispatcher, IOptions<NoticeDispatchOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var limit = 3 * (options.Value.SendTimeout + options.Value.PollInterval) + TimeSpan.FromSeconds(30);
        var since = dispatcher.SinceLastRound;
        return Task.FromResult(since <= limit
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"The notice dispatcher has not come round for {since.TotalSeconds:0} s (limit {limit.TotalSeconds:0} s)."));
    }
}
