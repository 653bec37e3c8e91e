using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MiddleServerValidation.Jlis.Resilience;
using Polly.CircuitBreaker;

namespace MiddleServerValidation.Jlis.Health;

/// <summary>
/// Readiness as far as J-LIS is concerned: an open circuit is Degraded, never Unhealthy. Registrations still flow (those
/// needing J-LIS are answered Pending and decided when it is back), so the host must stay in the load balancer.
/// </summary>
internal sealed class JlisCircuitHealthCheck(JlisResilience resilience) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(resilience.CircuitState switch
        {
            CircuitState.Closed => HealthCheckResult.Healthy("J-LIS circuit closed"),
            CircuitState.HalfOpen => HealthCheckResult.Degraded("J-LIS circuit half-open: the next lookup probes J-LIS"),
            _ => HealthCheckResult.Degraded("J-LIS circuit open: lookups answer Unavailable and registrations wait as Pending"),
        });
}

public static class JlisHealthCheckExtensions
{
    public const string Name = "jlis-circuit";

    /// <summary>The J-LIS circuit breaker's state in readiness: Degraded while it is open (needs <c>AddResidentRegistry</c>).</summary>
    public static IHealthChecksBuilder AddJlisCircuitCheck(this IHealthChecksBuilder builder, params string[] tags) =>
        builder.Add(new HealthCheckRegistration(
            Name, provider => new JlisCircuitHealthCheck(provider.GetRequiredService<JlisResilience>()), HealthStatus.Degraded, tags));
}
