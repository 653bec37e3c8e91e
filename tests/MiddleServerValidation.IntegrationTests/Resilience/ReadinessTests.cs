using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Worker;
using Microsoft.AspNetCore.Builder;

namespace MiddleServerValidation.IntegrationTests.Resilience;

/// <summary>
/// /health/ready as an orchestrator sees it while the broker or the database is away: 503 from the worker and the web
/// host (live all the while), and 200 again by itself once they are back, with registrations flowing again. A worker
/// started while the broker is down starts all the same, and gets ready when it returns.
/// </summary>
public sealed class ReadinessTests(PrivateServersFixture fixture) : IClassFixture<PrivateServersFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Readiness_fails_while_the_broker_is_down_and_comes_back_by_itself()
    {
        var (workerHost, webHost) = (await fixture.StartWorkerAsync(), await fixture.StartWebAsync());
        var (worker, web) = (Address(workerHost), Address(webHost));
        await AllReadyAsync(worker, web);

        await fixture.Broker.StopNodeAsync();
        await AllAsync("/health/ready", 503, worker, web);
        await AllAsync("/health/live", 200, worker, web);

        // A worker that starts now (a pod rescheduled during the outage) starts, is live, and waits for the broker.
        var late = WorkerApp.Build([], builder => fixture.Configure(builder));
        await late.StartAsync();
        try
        {
            await AllAsync("/health/live", 200, Address(late));
            await AllAsync("/health/ready", 503, Address(late));

            await fixture.Broker.StartNodeAsync();
            await AllReadyAsync(worker, web, Address(late));
        }
        finally
        {
            await late.StopAsync();
            await late.DisposeAsync();
        }

        await fixture.RegistrationComesThroughAsync("READY-BROKER-1", 8_101, Patience);
        await fixture.StopAsync(workerHost);
        await fixture.StopAsync(webHost);
    }

    [Fact]
    public async Task Readiness_fails_while_the_database_is_down_and_comes_back_by_itself()
    {
        var (workerHost, webHost) = (await fixture.StartWorkerAsync(), await fixture.StartWebAsync());
        var (worker, web) = (Address(workerHost), Address(webHost));
        await AllReadyAsync(worker, web);

        await fixture.Postgres.StopAsync();
        try
        {
            await AllAsync("/health/ready", 503, worker, web);
            await AllAsync("/health/live", 200, worker, web);
        }
        finally
        {
            await fixture.Postgres.StartServerAsync();
        }

        await AllReadyAsync(worker, web);
        await fixture.RegistrationComesThroughAsync("READY-DATABASE-1", 8_102, Patience);
        await fixture.StopAsync(workerHost);
        await fixture.StopAsync(webHost);
    }

    private static Uri Address(WebApplication host) => new(host.Urls.First());

    private static async Task AllReadyAsync(params Uri[] hosts)
    {
        foreach (var host in hosts)
        {
            await Readiness.WaitAsync(host, Patience);
        }
    }

    private static async Task AllAsync(string path, int status, params Uri[] hosts)
    {
        foreach (var host in hosts)
        {
            await Eventually.GetAsync(() => Readiness.StatusAsync(host, path), code => code == status, Patience, $"{path} of {host} to answer {status}");
        }
    }
}
