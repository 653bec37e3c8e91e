using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MiddleServerValidation.ServiceDefaults;

/// <summary>
/// Readiness of a host that consumes: every bus endpoint consuming. MassTransit calls its bus Degraded while an endpoint
/// is not (the broker is gone, the kill switch tripped), which ASP.NET answers with 200; such a host is not ready, so
/// this says Unhealthy. Degraded stays free for what leaves a host ready (the J-LIS circuit open).
/// </summary>
public sealed class BusConsumingHealthCheck(IBusControl bus) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = bus.CheckHealth();
        return Task.FromResult(health.Status == BusHealthStatus.Healthy
            ? HealthCheckResult.Healthy(health.Description)
            : HealthCheckResult.Unhealthy(health.Description, health.Exception));
    }
}
