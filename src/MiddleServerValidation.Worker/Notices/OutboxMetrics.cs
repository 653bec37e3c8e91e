using System.Diagnostics.Metrics;
using MiddleServerValidation.Processing.Notices;
using MiddleServerValidation.ServiceDefaults.Telemetry;
using Npgsql;

namespace MiddleServerValidation.Worker.Notices;

/// <summary>
/// How far notices lag behind their decisions: unsent notices and the age of the oldest (sampled from the outbox while
/// metrics are collected), and each published notice's time from commit to publication.
/// </summary>
public sealed class OutboxMetrics
{
    public const string MeterName = "MiddleServerValidation.Notices";

    private readonly Histogram<double> _publishDelay;

    public OutboxMetrics(IMeterFactory meters, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        var lag = new SampledValue<(long Unsent, double OldestSeconds)>(async ct =>
        {
            var (unsent, oldest) = await NoticeOutbox.LagAsync(dataSource, ct);
            return (unsent, oldest?.TotalSeconds ?? 0);
        }, TimeSpan.FromSeconds(10), clock);

        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("msv.outbox.unsent", () => Observed(lag.Read()?.Unsent), "{notice}",
            "Notices written but not yet published.");
        meter.CreateObservableGauge("msv.outbox.lag", () => Observed(lag.Read()?.OldestSeconds), "s",
            "Age of the oldest unsent notice: how far publication is behind (0 when the outbox is empty).");
        _publishDelay = meter.CreateHistogram<double>("msv.notices.publish.delay", "s",
            "Time from a notice's commit with its decision to its publication to the insurer's queue.");
    }

    public void Published(IEnumerable<OutboxRow> rows, DateTimeOffset now)
    {
        foreach (var row in rows)
        {
            _publishDelay.Record(Math.Max(0, (now - row.CreatedAt).TotalSeconds));
        }
    }

    // Nothing is reported until the first sample has come back.
    private static IEnumerable<Measurement<T>> Observed<T>(T? value) where T : struct =>
        value is { } known ? [new Measurement<T>(known)] : [];
}
