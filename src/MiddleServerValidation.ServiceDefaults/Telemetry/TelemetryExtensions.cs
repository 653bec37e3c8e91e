using MassTransit.Logging;
using MassTransit.Monitoring;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MiddleServerValidation.ServiceDefaults.Telemetry;

/// <summary>
/// Traces, metrics and logs through OpenTelemetry. What is collected is set up always; the SDK itself runs only when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and then exports there over OTLP. Without it nothing is collected and
/// nothing leaves the process. Tests switch the SDK on with an exporter of their own (<c>AddOpenTelemetry().With…</c>).
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>Every source and meter of the service's own starts with this (one per feature).</summary>
    public const string Prefix = "MiddleServerValidation";

    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
            .AddSource($"{Prefix}.*")
            .AddSource(DiagnosticHeaders.DefaultListenerName)
            .AddNpgsql()
            .AddHttpClientInstrumentation()
            // Probes every few seconds would drown the traces that matter.
            .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health")));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics
            .AddMeter($"{Prefix}.*")
            .AddMeter(InstrumentationOptions.MeterName)
            .AddNpgsqlInstrumentation()
            .AddHttpClientInstrumentation()
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation());
        services.Configure<OpenTelemetryLoggerOptions>(logging =>
        {
            // The message as written (its template carries no personal data); scopes would bring MassTransit's message headers.
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = false;
        });

        var telemetry = services.AddOpenTelemetry().ConfigureResource(resource =>
        {
            // OTEL_SERVICE_NAME, when set, names the service; otherwise the host does (web, worker, msv).
            if (string.IsNullOrEmpty(builder.Configuration["OTEL_SERVICE_NAME"]))
            {
                resource.AddService(builder.Environment.ApplicationName);
            }
        });
        if (IsExportConfigured(builder.Configuration))
        {
            telemetry.WithTracing().WithMetrics().WithLogging().UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>Whether OTLP export is asked for (the exporter reads the endpoint, protocol and headers itself).</summary>
    public static bool IsExportConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);

    /// <summary>
    /// Creates the providers of a host that is never started (most command-line commands): they are otherwise made
    /// when the host starts. Disposing the host flushes what they hold.
    /// </summary>
    public static void StartTelemetry(this IServiceProvider services)
    {
        _ = services.GetService<TracerProvider>();
        _ = services.GetService<MeterProvider>();
    }
}
