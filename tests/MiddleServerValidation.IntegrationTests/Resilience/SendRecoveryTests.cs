using MassTransit;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Worker.Notices;
using Microsoft.Extensions.DependencyInjection;

namespace MiddleServerValidation.IntegrationTests.Resilience;

/// <summary>
/// The dispatcher's bus restart (<see cref="BrokerSendRecovery"/>) fired while the bus is still reconnecting after a
/// broker restart: the worker must end up consuming and ready again by itself, whatever the moment of the restart.
/// </summary>
public sealed class SendRecoveryTests(PrivateServersFixture fixture) : IClassFixture<PrivateServersFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_bus_restart_asked_for_while_the_bus_reconnects_after_a_broker_restart_leaves_the_worker_consuming()
    {
        var host = await fixture.StartWorkerAsync();
        var worker = new Uri(host.Urls.First());
        var (bus, recovery) = (host.Services.GetRequiredService<IBusControl>(), host.Services.GetRequiredService<INoticeSendRecovery>());
        await Readiness.WaitAsync(worker, Patience);

        // At once, and a little later, after the node answers again: while MassTransit's own reconnect is under way.
        TimeSpan[] moments = [TimeSpan.Zero, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1.5)];
        var askedWhileReconnecting = 0;
        for (var round = 0; round < moments.Length; round++)
        {
            await fixture.Broker.StopNodeAsync();
            await Eventually.GetAsync(() => Readiness.StatusAsync(worker, "/health/ready"), code => code == 503, Patience, "the worker to see the broker gone");
            await fixture.Broker.StartNodeAsync();
            await Task.Delay(moments[round]);
            askedWhileReconnecting += bus.CheckHealth().Status == BusHealthStatus.Healthy ? 0 : 1;
            await recovery.RecoverAsync(CancellationToken.None);

            await Readiness.WaitAsync(worker, Patience);
            await fixture.RegistrationComesThroughAsync($"RECOVERY-{round}", 8_200 + round, Patience);
        }

        Assert.True(askedWhileReconnecting > 0, "the recovery was never asked for while the bus was reconnecting");
        Assert.Contains(fixture.Logs.Lines, line => line.Contains("while the bus reconnects by itself", StringComparison.Ordinal));
        await fixture.StopAsync(host);
    }

    [Fact]
    public async Task A_worker_whose_bus_is_stranded_while_the_broker_and_the_database_answer_is_no_longer_live()
    {
        var host = await fixture.StartWorkerAsync(new Dictionary<string, string?> { ["RabbitMq:StrandedAfter"] = "00:00:10" });
        var worker = new Uri(host.Urls.First());
        var bus = host.Services.GetRequiredService<IBusControl>();
        await Readiness.WaitAsync(worker, Patience);

        // Strands the bus as MassTransit 8 does: stopped and started while it still retries its connection after the
        // broker came back. Should it have reconnected first, the broker goes away again.
        for (var attempt = 0; ; attempt++)
        {
            await fixture.Broker.StopNodeAsync();
            await Eventually.GetAsync(() => Readiness.StatusAsync(worker, "/health/ready"), code => code == 503, Patience, "the worker to see the broker gone");
            await fixture.Broker.StartNodeAsync();
            if (bus.CheckHealth().Status != BusHealthStatus.Healthy)
            {
                await bus.StopAsync();
                await bus.StartAsync();
                break;
            }

            Assert.True(attempt < 3, "the bus always reconnected before it could be stopped");
        }

        // Alive while the broker was away and for the first seconds after; then not, and it says why.
        Assert.Equal(200, await Readiness.StatusAsync(worker, "/health/live"));
        await Eventually.GetAsync(() => Readiness.StatusAsync(worker, "/health/live"), code => code == 503, Patience, "liveness to fail on the stranded bus");
        Assert.Contains(fixture.Logs.Lines, line => line.Contains("stranded", StringComparison.Ordinal));
        await fixture.StopAsync(host);
    }
}
