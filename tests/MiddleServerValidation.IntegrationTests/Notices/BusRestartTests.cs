using MassTransit;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Processing.Notices;
using MiddleServerValidation.Worker.Notices;
using Microsoft.Extensions.DependencyInjection;

namespace MiddleServerValidation.IntegrationTests.Notices;

/// <summary>
/// A worker whose notice sends fail round after round while the broker answers (a channel left waiting by a node that
/// died) restarts its bus on fresh connections: the notices then go out, and the restarted bus consumes again.
/// </summary>
public sealed class BusRestartTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task Sends_failing_round_after_round_restart_the_bus_and_every_notice_goes_out()
    {
        BrokenPublisher? broken = null;
        MendingRecovery? recovery = null;
        var worker = await fixture.StartWorkerAsync(
            new Dictionary<string, string?>
            {
                ["Notices:SendTimeout"] = "00:00:01", ["Notices:ClaimLease"] = "00:00:05", ["Notices:RecoverAfterFailedRounds"] = "2",
            },
            builder =>
            {
                builder.Services.AddSingleton<INoticePublisher>(provider =>
                    broken = new BrokenPublisher(new BrokerNoticePublisher(provider.GetRequiredService<IBus>(), provider.GetRequiredService<NoticeQueues>())));
                builder.Services.AddSingleton<BrokerSendRecovery>();
                // The real recovery (the bus restarted), after which the publisher works again, as a fresh channel does.
                builder.Services.AddSingleton<INoticeSendRecovery>(provider =>
                    recovery = new MendingRecovery(provider.GetRequiredService<BrokerSendRecovery>(), () => broken!.Mend()));
            });

        var registrations = Enumerable.Range(1, 20)
            .Select(i => TestData.Registration($"MEND-{i}", TestData.PersonalNumber(9_500_000 + i), "H1.9.13", "シカク ハナコ"))
            .ToList();
        await new RegistrationStream([fixture.Insurers[TestData.InsurerA]], TestData.InsurerA).PublishAsync(registrations[..10], 50, CancellationToken.None);
        await Eventually.GetAsync(() => Task.FromResult(recovery!.Calls), calls => calls > 0, TimeSpan.FromSeconds(30), "the bus restarted");
        // Consumed after the restart: the restarted bus took its endpoints back.
        await new RegistrationStream([fixture.Insurers[TestData.InsurerA]], TestData.InsurerA).PublishAsync(registrations[10..], 50, CancellationToken.None);

        await using var probe = await RabbitMqProbe.ConnectAsync(fixture.RabbitMq);
        var received = await probe.WaitForAsync(QueueNames.Notices(TestData.InsurerA), 20, TimeSpan.FromSeconds(60));
        Assert.Equal(registrations.Select(r => r.RegistrationId).Order(), received.Select(m => m.Message.GetProperty("registrationId").GetString()).Distinct().Order());
        Assert.Equal(1, recovery!.Calls);
        Assert.Contains(fixture.Logs.Lines, line => line.Contains("restarting the bus", StringComparison.Ordinal));
        await Readiness.WaitAsync(new Uri(worker.Urls.First()), TimeSpan.FromSeconds(30));
        await fixture.StopAsync(worker);
    }

    /// <summary>Every send waits until cancelled, as on a wedged channel, until mended.</summary>
    private sealed class BrokenPublisher(INoticePublisher broker) : INoticePublisher
    {
        private volatile bool _mended;

        public void Mend() => _mended = true;

        public Task PublishAsync(OutboxRow row, CancellationToken cancellationToken) =>
            _mended ? broker.PublishAsync(row, cancellationToken) : Task.Delay(Timeout.Infinite, cancellationToken);
    }

    private sealed class MendingRecovery(INoticeSendRecovery inner, Action mend) : INoticeSendRecovery
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public async Task RecoverAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            await inner.RecoverAsync(cancellationToken);
            mend();
        }
    }
}
