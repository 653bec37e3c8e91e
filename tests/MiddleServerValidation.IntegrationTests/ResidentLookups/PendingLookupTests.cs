using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MiddleServerValidation.IntegrationTests.ResidentLookups;

/// <summary>J-LIS down: the insurer hears Pending at once, and the final outcome once J-LIS answers.</summary>
public sealed class PendingLookupTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task A_lookup_J_LIS_cannot_answer_is_pending_and_decided_when_it_can()
    {
        await fixture.SetStubFaultsAsync(errorRate: 1.0);
        await fixture.EnsureWorkerAsync();
        await using var probe = await RabbitMqProbe.ConnectAsync(fixture.RabbitMq);

        await probe.PublishRegistrationAsync(
            TestData.Json(TestData.Registration("NEWBORN-1", "333333333332", "2021-03-01", "シカク サクラ") with { Sex = "2" }));
        var pending = Assert.Single(await probe.WaitForAsync(QueueNames.Notices(TestData.InsurerA), 1, TimeSpan.FromSeconds(30))).Message;
        Assert.Equal("Pending", pending.GetProperty("outcome").GetString());
        Assert.Equal("JlisUnavailable", pending.GetProperty("reasons")[0].GetProperty("code").GetString());

        await fixture.SetStubFaultsAsync(errorRate: 0);
        var final = Assert.Single(await probe.WaitForAsync(QueueNames.Notices(TestData.InsurerA), 1, TimeSpan.FromSeconds(30))).Message;

        Assert.Equal("Accepted", final.GetProperty("outcome").GetString());
        Assert.Equal("JlisConfirmed", final.GetProperty("reasons")[0].GetProperty("code").GetString());
        Assert.NotEqual(pending.GetProperty("noticeId").GetGuid(), final.GetProperty("noticeId").GetGuid());
        await using var db = fixture.CreateDbContext();
        var lookup = await db.ResidentLookups.SingleAsync();
        Assert.Equal("Completed", lookup.Status);
        Assert.True(lookup.Attempts >= 2);
        Assert.Equal("Accepted", (await db.Registrations.SingleAsync()).Outcome);
    }
}
