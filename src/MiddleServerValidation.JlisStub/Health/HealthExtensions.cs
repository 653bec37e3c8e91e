using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace MiddleServerValidation.JlisStub.Health;

internal static class HealthExtensions
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddStubHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<ResidentsHealthCheck>("residents", tags: [ReadyTag]);
        return services;
    }

    /// <summary>Live: the process answers. Ready: the residents are loaded and lookups can be served.</summary>
    public static WebApplication MapStubHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }
}
