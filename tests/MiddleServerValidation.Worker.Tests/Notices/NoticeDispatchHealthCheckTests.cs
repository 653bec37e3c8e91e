using MiddleServerValidation.Worker.Notices;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MiddleServerValidation.Worker.Tests.Notices;

public sealed class NoticeDispatchHealthCheckTests
{
    [Fact]
    public async Task A_dispatch_loop_that_stops_coming_round_makes_the_worker_not_alive()
    {
        var clock = new ManualClock();
        var options = Options.Create(new NoticeDispatchOptions { SendTimeout = TimeSpan.FromSeconds(10), PollInterval = TimeSpan.FromSeconds(1) });
        // Never started and never connected: only the time since its last round matters here.
        var dispatcher = new NoticeDispatcher(NpgsqlDataSource.Create("Host=127.0.0.1;Port=1"), new NeverPublisher(), options, clock,
            NullLogger<NoticeDispatcher>.Instance);
        var check = new NoticeDispatchHealthCheck(dispatcher, options);

        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        clock.Advance(TimeSpan.FromSeconds(30));
        var stuck = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, stuck.Status);
        Assert.Contains("90 s", stuck.Description);
    }

    private sealed class NeverPublisher : INoticePublisher
    {
        public Task PublishAsync(Processing.Notices.OutboxRow notice, CancellationToken cancellationToken) => Task.Delay(Timeout.Infinite, cancellationToken);
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
