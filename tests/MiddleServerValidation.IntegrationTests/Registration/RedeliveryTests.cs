using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MiddleServerValidation.IntegrationTests.Registration;

/// <summary>At-least-once delivery, effectively once: the idempotency key is insurer number + registration id.</summary>
public sealed class RedeliveryTests(ServiceFixture fixture) : WorkerTestBase(fixture)
{
    [Fact]
    public async Task The_same_registration_delivered_again_gives_one_registration_and_one_notice()
    {
        var registration = TestData.Json(TestData.Registration("REDELIVERED-1", "111111111118", "H1.9.13", "シカク ハナコ"));

        // Twice at once (both may land in one chunk), then once more after the first was decided.
        await Probe.PublishRegistrationAsync(registration);
        await Probe.PublishRegistrationAsync(registration);
        var first = await Probe.WaitForAsync(QueueNames.Notices(TestData.InsurerA), 1, TimeSpan.FromSeconds(30));
        await Probe.PublishRegistrationAsync(registration);
        // A marker sent after the redelivery: once its notice is out, the redelivery has been consumed.
        await Probe.PublishRegistrationAsync(
            TestData.Json(TestData.Registration("MARKER-1", "111111111118", "H1.9.13", "シカク ハナコ")));
        var later = await Probe.WaitForAsync(QueueNames.Notices(TestData.InsurerA), 1, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(1));
        later.AddRange(await Probe.DrainAsync(QueueNames.Notices(TestData.InsurerA)));

        Assert.Single(first);
        Assert.Equal("MARKER-1", Assert.Single(later).Message.GetProperty("registrationId").GetString());
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(1, await db.Registrations.CountAsync(r => r.RegistrationId == "REDELIVERED-1"));
        Assert.Equal(1, await db.InsurerNotices().CountAsync(n => db.Registrations.Any(r => r.Id == n.RegistrationId && r.RegistrationId == "REDELIVERED-1")));
    }

    [Fact]
    public async Task The_same_registration_id_from_another_insurer_is_another_registration()
    {
        await Fixture.AddInsurerAsync("01040013");

        await Probe.PublishRegistrationAsync(
            TestData.Json(TestData.Registration("SHARED-ID", "111111111118", "H1.9.13", "シカク ハナコ", TestData.InsurerB)));
        await Probe.PublishRegistrationAsync(
            TestData.Json(TestData.Registration("SHARED-ID", "111111111118", "H1.9.13", "シカク ハナコ", "01040013")));

        var notices = await Probe.WaitForAsync(QueueNames.Notices("01040013"), 1, TimeSpan.FromSeconds(30));
        Assert.Single(notices);
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(2, await db.Registrations.CountAsync(r => r.RegistrationId == "SHARED-ID"));
    }
}
