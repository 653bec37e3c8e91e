using MassTransit;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Processing.Decisions;
using MiddleServerValidation.Worker.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MiddleServerValidation.IntegrationTests.Notices;

/// <summary>
/// A send the broker never confirms (it went down mid-send) must not stop the notices: nothing waits on the broker
/// without a bound, no outbox row stays locked, and the notice is sent again.
/// </summary>
public sealed class StalledSendTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task A_send_that_never_returns_is_given_up_and_its_notice_published_again()
    {
        StallingPublisher? stalling = null;
        var worker = await fixture.StartWorkerAsync(
            new Dictionary<string, string?> { ["Notices:SendTimeout"] = "00:00:01", ["Notices:ClaimLease"] = "00:00:05" },
            builder => builder.Services.AddSingleton<INoticePublisher>(provider =>
                stalling = new StallingPublisher(new BrokerNoticePublisher(provider.GetRequiredService<IBus>(), provider.GetRequiredService<NoticeQueues>()), stallFirst: 3)));

        var messages = Enumerable.Range(1, 10)
            .Select(i => TestData.Registration($"STALL-{i}", TestData.PersonalNumber(700 + i), "H1.9.13", "シカク ハナコ"))
            .ToArray();
        var results = await worker.Services.GetRequiredService<DecisionStep>().DecideAsync(messages, CancellationToken.None);

        await using var probe = await RabbitMqProbe.ConnectAsync(fixture.RabbitMq);
        var received = await probe.WaitForAsync(QueueNames.Notices(TestData.InsurerA), 10, TimeSpan.FromSeconds(30));

        Assert.Equal(3, stalling!.Stalled);
        Assert.Equal(
            results.Select(r => r.NoticeId!.Value.ToString()).Order(),
            received.Select(m => m.MessageId!).Distinct().Order());
        await using var db = fixture.CreateDbContext();
        var rows = await Eventually.GetAsync(() => db.Notices.AsNoTracking().ToListAsync(), all => all.All(n => n.DispatchedAt is not null),
            TimeSpan.FromSeconds(10), "every notice marked sent");
        Assert.All(rows, n => Assert.Null(n.ClaimedUntil));
        Assert.Contains(fixture.Logs.Lines, line => line.Contains("Could not publish 3 of", StringComparison.Ordinal));
    }
}
