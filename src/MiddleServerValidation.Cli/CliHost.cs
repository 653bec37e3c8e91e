using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using MiddleServerValidation.ServiceDefaults.Telemetry;

namespace MiddleServerValidation.Cli;

/// <summary>
/// A host per command: configuration from appsettings.json beside the binary and the environment, and OpenTelemetry
/// (exported only when OTEL_EXPORTER_OTLP_ENDPOINT is set), so a reconcile or migrate run shows in the same traces.
/// </summary>
internal static class CliHost
{
    public static HostApplicationBuilder CreateBuilder()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = "msv",
        });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        builder.Configuration.AddEnvironmentVariables();
        builder.AddTelemetry();
        return builder;
    }

    /// <summary>Builds the host with its telemetry running, started or not; disposing it flushes the telemetry.</summary>
    public static IHost Build(HostApplicationBuilder builder)
    {
        var host = builder.Build();
        host.Services.StartTelemetry();
        return host;
    }
}
