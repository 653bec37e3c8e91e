using Microsoft.Extensions.Diagnostics.HealthChecks;
using MiddleServerValidation.JlisStub.Residents;

namespace MiddleServerValidation.JlisStub.Health;

internal sealed class ResidentsHealthCheck(ResidentDirectory residents) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(HealthCheckResult.Healthy($"{residents.Count} residents loaded"));
}
