using System.Net;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Processing.Decisions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MiddleServerValidation.IntegrationTests.Notices;

/// <summary>The class's own broker node, restarted with the stack's scripts while notices stream out.</summary>
public sealed class PrivateBrokerFixture : ServiceFixture
{
    public PrivateRabbitMq Node { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Node = await PrivateRabbitMq.StartAsync();
        await base.InitializeAsync();
        UseBroker(Node.Endpoint);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Node.DisposeAsync();
    }
}

/// <summary>
/// The operator's test of the broker restart (msv_stop_rabbitmq, msv_start_rabbitmq) during a stream of decisions: the
/// dispatcher carries on after every restart, by itself, and every notice reaches its queue.
/// </summary>
public sealed class BrokerRestartTests(PrivateBrokerFixture fixture) : IClassFixture<PrivateBrokerFixture>
{
    private const int Registrations = 600;

    [Fact]
    public async Task Notices_keep_flowing_through_repeated_broker_restarts()
    {
        var worker = await fixture.StartWorkerAsync(new Dictionary<string, string?>
        {
            ["Notices:SendTimeout"] = "00:00:03",
            ["Notices:ClaimLease"] = "00:00:06",
            ["Notices:BatchSize"] = "50",
        });
        var step = worker.Services.GetRequiredService<DecisionStep>();

        // Decisions stream in at about 100 a second while the broker goes down and comes back three times.
        var stream = Task.Run(async () =>
        {
            var ids = new List<Guid>();
            for (var i = 0; i < Registrations; i += 10)
            {
                var chunk = Enumerable.Range(i, 10)
                    .Select(k => TestData.Registration($"RESTART-{k}", TestData.PersonalNumber(5_000 + k), "H1.9.13", "シカク ハナコ"))
                    .ToArray();
                ids.AddRange((await step.DecideAsync(chunk, CancellationToken.None)).Select(r => r.NoticeId!.Value));
                await Task.Delay(100);
            }

            return ids;
        });
        for (var restart = 0; restart < 3; restart++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            await fixture.Node.RestartAsync();
        }

        var sent = await stream;
        await using var db = fixture.CreateDbContext();
        await Eventually.GetAsync(() => db.Notices.AsNoTracking().CountAsync(n => n.DispatchedAt == null), unsent => unsent == 0,
            TimeSpan.FromSeconds(90), "every notice dispatched after the restarts");

        // At least once: a notice whose confirmation was lost in a restart may arrive twice, with the same id.
        await using var probe = await RabbitMqProbe.ConnectAsync(fixture.RabbitMq);
        var received = new HashSet<string>();
        var expected = sent.Select(id => id.ToString()).ToHashSet();
        await Eventually.GetAsync(async () =>
        {
            received.UnionWith((await probe.DrainAsync(QueueNames.Notices(TestData.InsurerA))).Select(m => m.MessageId!));
            return received.Count;
        }, _ => expected.IsSubsetOf(received), TimeSpan.FromSeconds(30), "every notice on the insurer's queue");
        Assert.Equal(expected, received);

        using var http = new HttpClient { BaseAddress = new Uri(worker.Urls.First()) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
    }
}
