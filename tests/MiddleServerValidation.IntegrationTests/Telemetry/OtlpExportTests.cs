using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Web;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace MiddleServerValidation.IntegrationTests.Telemetry;

/// <summary>OTLP export happens when OTEL_EXPORTER_OTLP_ENDPOINT is set, and nothing is collected when it is not.</summary>
public sealed class OtlpExportTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task Without_an_otlp_endpoint_no_telemetry_is_collected()
    {
        await using var web = WebApp.Build([], builder => fixture.Configure(builder));

        Assert.Null(web.Services.GetService<TracerProvider>());
        Assert.Null(web.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
    }

    [Fact]
    public async Task With_an_otlp_endpoint_traces_metrics_and_logs_are_sent_there()
    {
        await using var collector = await FakeCollector.StartAsync();
        // Whether to export is read from the configuration the host starts with (the environment, here the command line).
        var web = WebApp.Build([$"--OTEL_EXPORTER_OTLP_ENDPOINT={collector.Address}", "--OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf"],
            builder =>
            {
                fixture.Configure(builder);
                // The fixture clears the logging providers (to capture the logs itself): the OpenTelemetry one comes back.
                builder.Services.AddOpenTelemetry().WithLogging();
            });
        await web.StartAsync();
        using (var client = new HttpClient { BaseAddress = new Uri(web.Urls.First()) })
        {
            Assert.True((await client.GetAsync("/Account/SignIn")).IsSuccessStatusCode);
        }

        // Stopping the host flushes what the exporters hold.
        await web.StopAsync();
        await web.DisposeAsync();

        Assert.Contains("/v1/traces", collector.Paths);
        Assert.Contains("/v1/metrics", collector.Paths);
        Assert.Contains("/v1/logs", collector.Paths);
    }

    /// <summary>An OTLP/HTTP endpoint that only notes which signals arrived.</summary>
    private sealed class FakeCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private FakeCollector(WebApplication app) => _app = app;

        public ConcurrentBag<string> Paths { get; } = [];

        public Uri Address => new(_app.Urls.First());

        public static async Task<FakeCollector> StartAsync()
        {
            var builder = WebApplication.CreateBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var collector = new FakeCollector(builder.Build());
            collector._app.Run(context =>
            {
                collector.Paths.Add(context.Request.Path);
                return Task.CompletedTask;
            });
            await collector._app.StartAsync();
            return collector;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
