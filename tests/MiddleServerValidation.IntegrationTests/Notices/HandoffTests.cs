using MassTransit;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Processing.Decisions;
using MiddleServerValidation.Worker.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MiddleServerValidation.IntegrationTests.Notices;

/// <summary>
/// Notices the decision step hands to its worker's dispatcher in memory are written already claimed for it; a worker
/// that stops gives back the ones still in hand, so another dispatcher sends them at once instead of after the lease.
/// </summary>
public sealed class HandoffTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task Notices_are_written_claimed_for_the_worker_and_a_stopping_worker_gives_back_those_in_hand()
    {
        StallingPublisher? stalling = null;
        var worker = await fixture.StartWorkerAsync(
            new Dictionary<string, string?>
            {
                ["Notices:SendTimeout"] = "00:00:20", ["Notices:ClaimLease"] = "00:05:00", ["Notices:BatchSize"] = "1",
                ["Notices:PollInterval"] = "00:01:00",
            },
            builder => builder.Services.AddSingleton<INoticePublisher>(provider =>
                stalling = new StallingPublisher(new BrokerNoticePublisher(provider.GetRequiredService<IBus>(), provider.GetRequiredService<NoticeQueues>()), stallFirst: 1)));
        var step = worker.Services.GetRequiredService<DecisionStep>();

        // The first notice's send never returns: the dispatcher is held in that round while five more are handed over.
        await step.DecideAsync([TestData.Registration("HAND-0", TestData.PersonalNumber(7_700), "H1.9.13", "シカク ハナコ")], CancellationToken.None);
        await Eventually.GetAsync(() => Task.FromResult(stalling!.Stalled), stalled => stalled == 1, TimeSpan.FromSeconds(10), "the first send stalled");
        await step.DecideAsync(Enumerable.Range(1, 5)
            .Select(i => TestData.Registration($"HAND-{i}", TestData.PersonalNumber(7_700 + i), "H1.9.13", "シカク ハナコ")).ToArray(), CancellationToken.None);

        await using (var db = fixture.CreateDbContext())
        {
            // Six notices, and six state events (new numbers J-LIS does not know: each record is held).
            var inHand = await db.Notices.AsNoTracking().Where(n => n.DispatchedAt == null).ToListAsync();
            Assert.Equal(12, inHand.Count);
            // Claimed for the worker when written: no other dispatcher may take them while the lease runs.
            Assert.All(inHand, n => Assert.True(n.ClaimedUntil > DateTimeOffset.UtcNow.AddMinutes(4), "written claimed for the lease"));
        }

        await fixture.StopAsync(worker);

        await using (var db = fixture.CreateDbContext())
        {
            var handed = await db.Registrations.AsNoTracking().Where(r => r.RegistrationId != "HAND-0" && r.RegistrationId.StartsWith("HAND-"))
                .Select(r => r.Id).ToListAsync();
            var left = await db.Notices.AsNoTracking().Where(n => n.RegistrationId != null && handed.Contains(n.RegistrationId.Value)).ToListAsync();
            Assert.Equal(10, left.Count);
            // Given back, not sent: any dispatcher claims them at once.
            Assert.All(left, n => Assert.Equal((null, null), (n.DispatchedAt, n.ClaimedUntil)));
        }
    }
}
