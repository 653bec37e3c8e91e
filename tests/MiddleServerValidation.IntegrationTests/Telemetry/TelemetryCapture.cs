using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MiddleServerValidation.IntegrationTests.Telemetry;

/// <summary>
/// Switches a host's OpenTelemetry on with in-memory exporters, as OTLP export would be switched on: the same sources,
/// meters and log records, kept here instead of sent away.
/// </summary>
public sealed class TelemetryCapture
{
    public List<Activity> Spans { get; } = [];

    public List<MetricSnapshot> Metrics { get; } = [];

    /// <summary>Each log record as text: its attributes, formatted message and exception, read when it was written.</summary>
    public ConcurrentQueue<CapturedLog> Logs { get; } = new();

    public void AddTo(WebApplicationBuilder builder) => builder.Services.AddOpenTelemetry()
        .WithTracing(tracing => tracing.AddInMemoryExporter(Spans))
        .WithMetrics(metrics => metrics.AddInMemoryExporter(Metrics))
        .WithLogging(logging => logging.AddProcessor(new LogCollector(Logs)));

    public static void Flush(IServiceProvider services)
    {
        services.GetRequiredService<TracerProvider>().ForceFlush();
        services.GetRequiredService<MeterProvider>().ForceFlush();
    }

    /// <summary>Every text the exporters would have sent as a span, metric or log attribute (or name, message, event).</summary>
    public IEnumerable<string> AllTexts()
    {
        Activity[] spans;
        lock (Spans)
        {
            spans = [.. Spans];
        }

        foreach (var span in spans)
        {
            yield return span.DisplayName;
            yield return span.StatusDescription ?? "";
            foreach (var (key, value) in span.TagObjects)
            {
                yield return $"{key}={value}";
            }

            foreach (var e in span.Events)
            {
                yield return e.Name;
                foreach (var (key, value) in e.Tags)
                {
                    yield return $"{key}={value}";
                }
            }

            foreach (var (key, value) in span.Baggage)
            {
                yield return $"{key}={value}";
            }
        }

        MetricSnapshot[] metrics;
        lock (Metrics)
        {
            metrics = [.. Metrics];
        }

        foreach (var metric in metrics)
        {
            foreach (var point in metric.MetricPoints)
            {
                foreach (var (key, value) in point.Tags)
                {
                    yield return $"{metric.Name} {key}={value}";
                }
            }
        }

        foreach (var log in Logs)
        {
            yield return log.Text;
        }
    }

    public sealed record CapturedLog(string Category, string Text);

    private sealed class LogCollector(ConcurrentQueue<CapturedLog> logs) : BaseProcessor<LogRecord>
    {
        public override void OnEnd(LogRecord data)
        {
            var attributes = data.Attributes?.Select(a => $"{a.Key}={a.Value}") ?? [];
            logs.Enqueue(new CapturedLog(data.CategoryName ?? "",
                string.Join(" | ", [data.FormattedMessage ?? "", data.Body ?? "", .. attributes, data.Exception?.ToString() ?? ""])));
        }
    }
}
