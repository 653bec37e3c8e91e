using Microsoft.EntityFrameworkCore;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;

namespace MiddleServerValidation.IntegrationTests.Security;

/// <summary>
/// An insurer is who its broker user says it is: it publishes only to its own exchange, which is how the service knows
/// who sent a registration, and it cannot write to another insurer's exchange nor to any queue by name.
/// </summary>
public sealed class BrokerIdentityTests(ServiceFixture fixture) : WorkerTestBase(fixture)
{
    [Fact]
    public async Task A_registration_naming_another_insurer_is_refused_to_its_sender_and_never_stored_as_the_other()
    {
        await using var insurerA = await InsurerBroker.ConnectAsync(Fixture.Insurers[TestData.InsurerA]);
        var forged = TestData.Json(TestData.Registration("IDENTITY-1", TestData.PersonalNumber(9_100), "H1.9.13", "シカク ハナコ", TestData.InsurerB));
        Assert.True(await insurerA.TryPublishAsync(QueueNames.RegistrationsExchange(TestData.InsurerA), "", forged));

        var refusal = Assert.Single(await Probe.WaitForAsync(QueueNames.Notices(TestData.InsurerA), 1, Timeout)).Message;
        Assert.Equal(("IDENTITY-1", TestData.InsurerA, "Rejected"),
            (refusal.GetProperty("registrationId").GetString(), refusal.GetProperty("insurerNumber").GetString(), refusal.GetProperty("outcome").GetString()));
        Assert.Equal("InsurerNumberInvalid", refusal.GetProperty("reasons")[0].GetProperty("code").GetString());

        // B's own registration under the same id is B's, and decided as new.
        await Probe.PublishRegistrationAsync(TestData.Json(TestData.Registration("IDENTITY-1", TestData.PersonalNumber(9_101), "H1.9.13", "シカク ハナコ", TestData.InsurerB)));
        var own = Assert.Single(await Probe.WaitForAsync(QueueNames.Notices(TestData.InsurerB), 1, Timeout)).Message;
        Assert.Equal("IDENTITY-1", own.GetProperty("registrationId").GetString());
        await using var db = Fixture.CreateDbContext();
        var stored = await db.Registrations.AsNoTracking().Where(r => r.RegistrationId == "IDENTITY-1").ToListAsync();
        Assert.Equal(TestData.InsurerB, Assert.Single(stored).InsurerNumber);
        Assert.NotNull(Assert.Single(stored).PersonalNumberKey);
    }

    [Fact]
    public async Task An_insurer_cannot_publish_to_any_queue_by_name_nor_as_another_insurer_nor_to_a_notice_queue()
    {
        await using var insurerA = await InsurerBroker.ConnectAsync(Fixture.Insurers[TestData.InsurerA]);
        var body = TestData.Json(TestData.Registration("REACH-1", TestData.PersonalNumber(9_200), "H1.9.13", "シカク ハナコ"));

        Assert.False(await insurerA.TryPublishAsync("", QueueNames.Registrations, body), "the default exchange routes to any queue by name");
        Assert.False(await insurerA.TryPublishAsync("", QueueNames.Notices(TestData.InsurerB), body), "a forged notice to insurer B");
        Assert.False(await insurerA.TryPublishAsync(QueueNames.Notices(TestData.InsurerB), "", body), "insurer B's notice exchange");
        Assert.False(await insurerA.TryPublishAsync(QueueNames.RegistrationsExchange(TestData.InsurerB), "", body), "insurer B's exchange");
        Assert.False(await insurerA.TryPublishAsync(QueueNames.Registrations, "", body), "the shared registrations exchange");
        Assert.True(await insurerA.TryPublishAsync(QueueNames.RegistrationsExchange(TestData.InsurerA), "", body), "its own exchange");

        Assert.True(await insurerA.CanReadAsync(QueueNames.Notices(TestData.InsurerA)));
        Assert.False(await insurerA.CanReadAsync(QueueNames.Notices(TestData.InsurerB)));
        Assert.False(await insurerA.CanReadAsync(QueueNames.Registrations));
    }

    [Fact]
    public async Task A_registration_that_did_not_come_through_an_insurer_exchange_is_not_decided()
    {
        // An operator account can still reach the queue by name; nothing then says which insurer sent it.
        await Probe.PublishJsonAsync(QueueNames.Registrations,
            TestData.Json(TestData.Registration("NO-SENDER-1", TestData.PersonalNumber(9_300), "H1.9.13", "シカク ハナコ", TestData.InsurerB)));

        var error = Assert.Single(await Probe.WaitForAsync(QueueNames.Registrations + "_error", 1, Timeout));
        Assert.Contains("registrations.", error.Headers["MT-Fault-Message"]);
        Assert.Equal("NO-SENDER-1", error.Headers["MSV-Registration-Id"]);
        await using var db = Fixture.CreateDbContext();
        Assert.False(await db.Registrations.AnyAsync(r => r.RegistrationId == "NO-SENDER-1"));
    }
}
