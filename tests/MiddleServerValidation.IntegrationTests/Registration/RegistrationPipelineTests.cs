using MassTransit;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MiddleServerValidation.IntegrationTests.Registration;

/// <summary>Registrations in (plain JSON and MassTransit envelopes) → notices out on the insurer's own queue.</summary>
public sealed class RegistrationPipelineTests(ServiceFixture fixture) : WorkerTestBase(fixture)
{
    [Fact]
    public async Task Plain_json_registration_is_answered_on_the_insurers_notice_queue()
    {
        // 333333333332 has no history; the J-LIS stub knows シカク サクラ born 2021-03-01 (令和3年3月1日).
        await Probe.PublishRegistrationAsync(
            TestData.Json(TestData.Registration("JSON-1", "333333333332", "R3.03.01", "ｼｶｸ ｻｸﾗ") with { Sex = "2" }));

        var notices = await Probe.WaitForAsync(QueueNames.Notices(TestData.InsurerA), 1, Timeout);

        var notice = Assert.Single(notices).Message;
        Assert.Equal("JSON-1", notice.GetProperty("registrationId").GetString());
        Assert.Equal("Accepted", notice.GetProperty("outcome").GetString());
        Assert.Equal("JlisConfirmed", notice.GetProperty("reasons")[0].GetProperty("code").GetString());
        Assert.Equal("********3332", notice.GetProperty("personalNumberMasked").GetString());
        Assert.DoesNotContain("333333333332", notices[0].Body);
        Assert.Equal(notice.GetProperty("noticeId").GetGuid().ToString(), Guid.Parse(notices[0].MessageId!).ToString());
    }

    [Fact]
    public async Task MassTransit_envelope_registration_is_answered_too()
    {
        // A .NET insurer client: MassTransit logged in as the insurer's broker user, sending to the insurer's own exchange.
        await using var scope = Fixture.CreateBusScope(TestData.InsurerB);
        var bus = scope.ServiceProvider.GetRequiredService<IBus>();
        var endpoint = await bus.GetSendEndpoint(new Uri($"exchange:{QueueNames.RegistrationsExchange(TestData.InsurerB)}"));
        await endpoint.Send(TestData.Registration("ENVELOPE-1", "111111111118", "1989-09-13", "シカク ハナコ", TestData.InsurerB) with { Sex = "2" });

        var notices = await Probe.WaitForAsync(QueueNames.Notices(TestData.InsurerB), 1, Timeout);

        var notice = Assert.Single(notices).Message;
        Assert.Equal("ENVELOPE-1", notice.GetProperty("registrationId").GetString());
        Assert.Equal("Accepted", notice.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Invalid_fields_give_one_rejected_notice_listing_every_problem()
    {
        await Probe.PublishRegistrationAsync(
            TestData.Json(TestData.Registration("BAD-1", "123456789010", "H31.5.1", "Yamada Taro") with { CardNumber = "55●1" }));

        var notices = await Probe.WaitForAsync(QueueNames.Notices(TestData.InsurerA), 1, Timeout);

        var notice = Assert.Single(notices).Message;
        Assert.Equal("Rejected", notice.GetProperty("outcome").GetString());
        var codes = notice.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).Order().ToArray();
        Assert.Equal(["BirthDateInvalid", "CardNumberInvalidCharacter", "KanaNameInvalid", "PersonalNumberCheckDigit"], codes);
        Assert.All(notice.GetProperty("reasons").EnumerateArray(), r => Assert.DoesNotContain("123456789010", r.GetProperty("message").GetString()));

        await using var db = Fixture.CreateDbContext();
        var stored = await db.Registrations.SingleAsync(r => r.RegistrationId == "BAD-1");
        Assert.Equal("Rejected", stored.Outcome);
        Assert.Null(stored.PersonalNumberKey);
        Assert.NotNull(stored.PersonalNumberCipher);
    }

    [Fact]
    public async Task A_rejected_record_with_oversized_values_does_not_spoil_its_chunk()
    {
        await Probe.PublishRegistrationAsync(
            TestData.Json(TestData.Registration("LONG-BATCH-1", "111111111118", "H1.9.13", "シカク ハナコ", TestData.InsurerB)
                with { BatchId = new string('B', 100), Sex = "2" }));
        await Probe.PublishRegistrationAsync(
            TestData.Json(TestData.Registration(" PADDED-1 ", "111111111118", "H1.9.13", "シカク ハナコ", TestData.InsurerB) with { Sex = "2" }));

        var notices = (await Probe.WaitForAsync(QueueNames.Notices(TestData.InsurerB), 2, Timeout))
            .Select(n => n.Message).ToDictionary(n => n.GetProperty("registrationId").GetString()!);

        Assert.Equal("Rejected", notices["LONG-BATCH-1"].GetProperty("outcome").GetString());
        Assert.Equal("FieldInvalid", notices["LONG-BATCH-1"].GetProperty("reasons")[0].GetProperty("code").GetString());
        Assert.Equal("Accepted", notices["PADDED-1"].GetProperty("outcome").GetString());
    }
}
