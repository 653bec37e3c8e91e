using Microsoft.EntityFrameworkCore;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;

namespace MiddleServerValidation.IntegrationTests.Security;

/// <summary>A registration is a few hundred bytes: anything much larger is refused before it costs memory, and never kept whole.</summary>
public sealed class MessageSizeTests(ServiceFixture fixture) : WorkerTestBase(fixture)
{
    [Fact]
    public async Task A_message_over_the_workers_limit_goes_to_the_error_queue_with_the_cause_unread()
    {
        await using var insurerA = await InsurerBroker.ConnectAsync(Fixture.Insurers[TestData.InsurerA]);
        var oversized = TestData.Json(TestData.Registration("HUGE-1", TestData.PersonalNumber(9_400), "H1.9.13", "シカク ハナコ"));
        oversized["cardSymbol"] = new string('X', 100_000);
        Assert.True(await insurerA.TryPublishAsync(QueueNames.RegistrationsExchange(TestData.InsurerA), "", oversized));
        await Probe.PublishRegistrationAsync(TestData.Json(TestData.Registration("SMALL-AFTER-1", TestData.PersonalNumber(9_401), "H1.9.13", "シカク ハナコ")));

        var error = Assert.Single(await Probe.WaitForAsync(QueueNames.Registrations + "_error", 1, Timeout));
        Assert.Contains("大きすぎます", error.Headers["MT-Fault-Message"]);
        await Probe.WaitForRegistrationAsync(QueueNames.Notices(TestData.InsurerA), "SMALL-AFTER-1", Timeout);
        await using var db = Fixture.CreateDbContext();
        Assert.False(await db.Registrations.AnyAsync(r => r.RegistrationId == "HUGE-1"));
    }

    [Fact]
    public async Task The_broker_refuses_a_message_over_its_own_limit()
    {
        await using var insurerA = await InsurerBroker.ConnectAsync(Fixture.Insurers[TestData.InsurerA]);
        var oversized = TestData.Json(TestData.Registration("HUGER-1", TestData.PersonalNumber(9_500), "H1.9.13", "シカク ハナコ"));
        oversized["cardSymbol"] = new string('X', 200_000);

        Assert.False(await insurerA.TryPublishAsync(QueueNames.RegistrationsExchange(TestData.InsurerA), "", oversized));
    }

    [Fact]
    public async Task A_rejected_record_keeps_its_values_cut_to_what_a_field_is_read_from()
    {
        var record = TestData.Json(TestData.Registration("LONG-NAME-1", TestData.PersonalNumber(9_600), "H1.9.13", "シカク ハナコ"));
        // 5,000 kana: within the message limit (JSON escapes each to six bytes), far beyond any name.
        record["kanaName"] = new string('ア', 5_000);
        await Probe.PublishRegistrationAsync(record);

        var notice = (await Probe.WaitForRegistrationAsync(QueueNames.Notices(TestData.InsurerA), "LONG-NAME-1", Timeout)).Message;
        Assert.Equal("Rejected", notice.GetProperty("outcome").GetString());
        await using var db = Fixture.CreateDbContext();
        var stored = await db.Registrations.AsNoTracking().SingleAsync(r => r.RegistrationId == "LONG-NAME-1");
        Assert.InRange(stored.SubmittedJson!.Length, 100, 2_000);
    }
}
