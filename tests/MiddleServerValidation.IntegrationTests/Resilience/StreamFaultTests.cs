using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace MiddleServerValidation.IntegrationTests.Resilience;

/// <summary>
/// Registrations stream in while a worker process is killed mid-chunk again and again beside a second worker, while
/// PostgreSQL is stopped for 20 seconds, and while the broker restarts: every registration ends with exactly one final
/// outcome and one notice id, none is lost, and the workers are ready again without a restart by hand.
/// </summary>
public sealed class StreamFaultTests(PrivateServersFixture fixture, ITestOutputHelper output) : IClassFixture<PrivateServersFixture>
{
    // A killed worker's claimed notices go back to the others once the lease runs out: short here, to keep the test short.
    private static readonly Dictionary<string, string?> ShortLeases = new()
    {
        ["Notices:SendTimeout"] = "00:00:03",
        ["Notices:ClaimLease"] = "00:00:06",
    };

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_worker_killed_mid_chunk_again_and_again_beside_another_loses_and_doubles_nothing()
    {
        // J-LIS answers slowly, so a worker always holds chunks in flight: locked numbers, unacknowledged messages.
        await fixture.SetStubFaultsAsync(latencyMs: 150);
        var steady = await fixture.StartWorkerAsync(ShortLeases);
        var victim = WorkerProcess.Start(fixture.Settings, ShortLeases);
        try
        {
            var registrations = Streams.Registrations("KILLED", 900, 9_100_000);
            var publishing = new RegistrationStream([fixture.Insurers[TestData.InsurerA]], TestData.InsurerA).PublishAsync(registrations, 60, CancellationToken.None);
            for (var kill = 0; kill < 3; kill++)
            {
                await victim.WaitReadyAsync(Patience);
                await Task.Delay(TimeSpan.FromSeconds(1));
                await victim.KillAsync();
                await victim.DisposeAsync();
                victim = WorkerProcess.Start(fixture.Settings, ShortLeases);
            }

            await publishing;
            var figures = await StreamAudit.WaitAsync(fixture.ConnectionString, fixture.RabbitMq, TestData.InsurerA, Streams.Ids(registrations), Patience);

            output.WriteLine(figures.ToString());
            figures.AssertComplete();
            // The kills came mid-chunk: messages the killed worker held unacknowledged were delivered again.
            using var management = new ManagementApi(fixture.Broker.ManagementPort);
            await Eventually.GetAsync(() => management.RedeliveriesAsync(fixture.RabbitMq.VirtualHost, QueueNames.Registrations), n => n > 0,
                TimeSpan.FromSeconds(30), "redeliveries of the killed worker's messages");
            await victim.WaitReadyAsync(Patience);
            await Readiness.WaitAsync(new Uri(steady.Urls.First()), Patience);
        }
        finally
        {
            await victim.DisposeAsync();
            await fixture.SetStubFaultsAsync();
            await fixture.StopAsync(steady);
        }
    }

    [Fact]
    public async Task PostgreSQL_stopped_for_20_seconds_mid_stream_loses_and_doubles_nothing()
    {
        var worker = await fixture.StartWorkerAsync(ShortLeases);
        var registrations = Streams.Registrations("PGSTOP", 500, 9_200_000);
        var publishing = new RegistrationStream([fixture.Insurers[TestData.InsurerA]], TestData.InsurerA).PublishAsync(registrations, 50, CancellationToken.None);

        await Task.Delay(TimeSpan.FromSeconds(2));
        await fixture.Postgres.StopAsync();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(20));
        }
        finally
        {
            await fixture.Postgres.StartServerAsync();
        }

        await publishing;
        var figures = await StreamAudit.WaitAsync(fixture.ConnectionString, fixture.RabbitMq, TestData.InsurerA, Streams.Ids(registrations), Patience);

        output.WriteLine(figures.ToString());
        figures.AssertComplete();
        await Readiness.WaitAsync(new Uri(worker.Urls.First()), Patience);
        await fixture.StopAsync(worker);
    }

    [Fact]
    public async Task The_broker_restarted_mid_stream_loses_and_doubles_nothing()
    {
        var worker = await fixture.StartWorkerAsync(ShortLeases);
        var registrations = Streams.Registrations("MQRESTART", 500, 9_300_000);
        var publishing = new RegistrationStream([fixture.Insurers[TestData.InsurerA]], TestData.InsurerA).PublishAsync(registrations, 100, CancellationToken.None);

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await fixture.Broker.RestartAsync();

        await publishing;
        var figures = await StreamAudit.WaitAsync(fixture.ConnectionString, fixture.RabbitMq, TestData.InsurerA, Streams.Ids(registrations), Patience);

        output.WriteLine(figures.ToString());
        figures.AssertComplete();
        await Readiness.WaitAsync(new Uri(worker.Urls.First()), Patience);
        await fixture.StopAsync(worker);
    }
}
