using Microsoft.AspNetCore.Builder;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Processing;
using MiddleServerValidation.Processing.Decisions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MiddleServerValidation.IntegrationTests.Notices;

/// <summary>Notices are committed with their registration and published from the outbox afterwards.</summary>
public sealed class OutboxTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task Notices_committed_before_a_crash_are_published_when_a_worker_starts_again()
    {
        // A process that commits and then dies before publishing: the registration path with no dispatcher.
        var builder = WebApplication.CreateBuilder();
        fixture.Configure(builder);
        builder.AddProcessing();
        await using (var crashed = builder.Build())
        {
            var processor = crashed.Services.GetRequiredService<DecisionStep>();
            var results = await processor.DecideAsync(
                [TestData.Registration("OUTBOX-1", "111111111118", "H1.9.13", "シカク ハナコ", TestData.InsurerB)], CancellationToken.None);
            Assert.Equal(RegistrationResultKind.Decided, Assert.Single(results).Kind);
        }

        await using var probe = await RabbitMqProbe.ConnectAsync(fixture.RabbitMq);
        Assert.Empty(await probe.DrainAsync(QueueNames.Notices(TestData.InsurerB)));
        await using (var db = fixture.CreateDbContext())
        {
            Assert.Null((await db.Notices.SingleAsync()).DispatchedAt);
        }

        await fixture.EnsureWorkerAsync();
        var notices = await probe.WaitForAsync(QueueNames.Notices(TestData.InsurerB), 1, TimeSpan.FromSeconds(30));

        Assert.Equal("OUTBOX-1", Assert.Single(notices).Message.GetProperty("registrationId").GetString());
        await using (var db = fixture.CreateDbContext())
        {
            await Eventually.GetAsync(async () => (await db.Notices.AsNoTracking().SingleAsync()).DispatchedAt, at => at is not null,
                TimeSpan.FromSeconds(10), "the notice to be marked dispatched");
        }
    }
}
