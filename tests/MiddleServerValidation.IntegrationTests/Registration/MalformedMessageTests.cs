using System.Text;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;

namespace MiddleServerValidation.IntegrationTests.Registration;

/// <summary>A broken message goes to the error queue with its cause; the worker goes on with the rest.</summary>
public sealed class MalformedMessageTests(ServiceFixture fixture) : WorkerTestBase(fixture)
{
    private const string ErrorQueue = QueueNames.Registrations + "_error";

    [Fact]
    public async Task Broken_messages_end_in_the_error_queue_sealed_with_their_cause_and_the_worker_keeps_going()
    {
        var fromA = QueueNames.RegistrationsExchange(TestData.InsurerA);
        await Probe.PublishToExchangeAsync(fromA, Encoding.UTF8.GetBytes("{\"registrationId\": \"NOT-JSON-1\", \"personalNumber\": \"111111111118\", "), "application/json");
        await Probe.PublishToExchangeAsync(fromA, Encoding.UTF8.GetBytes(
            """{"registrationId": "WRONG-TYPES-1", "insurerNumber": 6139992, "birthDate": {"year": 1989}, "kanaName": ["シカク"]}"""),
            "application/json");
        await Probe.PublishRegistrationAsync(
            TestData.Json(TestData.Registration("NO-INSURER-1", "111111111118", "H1.9.13", "シカク ハナコ") with { InsurerNumber = "01130013" }),
            asInsurer: TestData.InsurerA);
        await Probe.PublishRegistrationAsync(
            TestData.Json(TestData.Registration("GOOD-AFTER-1", "111111111118", "H1.9.13", "シカク ハナコ")));

        var errors = await Probe.WaitForAsync(ErrorQueue, 3, TimeSpan.FromSeconds(30));
        var notices = await Probe.WaitForAsync(QueueNames.Notices(TestData.InsurerA), 1, TimeSpan.FromSeconds(30));

        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Headers.GetValueOrDefault("MT-Fault-Message"))));
        // Sealed: no plain personal number in the queue, but the operator still sees who sent what and why.
        Assert.All(errors, e => Assert.DoesNotContain("111111111118", e.Body, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Equal(TestData.InsurerA, e.Headers.GetValueOrDefault("MSV-Sender")));
        var bodies = errors.ToDictionary(e => e, e => Encoding.UTF8.GetString(ErrorQueueSeal.Open(Fixture, e.RawBody)));
        var notJson = Assert.Single(errors, e => bodies[e].Contains("NOT-JSON-1"));
        Assert.Contains("Json", notJson.Headers["MT-Fault-ExceptionType"] ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Contains("111111111118", bodies[notJson]);
        Assert.Equal("WRONG-TYPES-1", Assert.Single(errors, e => bodies[e].Contains("WRONG-TYPES-1")).Headers["MSV-Registration-Id"]);
        var unaddressable = Assert.Single(errors, e => bodies[e].Contains("NO-INSURER-1"));
        Assert.Contains("insurerNumber", unaddressable.Headers["MT-Fault-Message"]);
        Assert.DoesNotContain("111111111118", unaddressable.Headers["MT-Fault-Message"]);

        Assert.Equal("GOOD-AFTER-1", Assert.Single(notices).Message.GetProperty("registrationId").GetString());
    }

    [Fact]
    public async Task A_record_the_database_refuses_faults_alone_and_its_chunk_mates_are_decided()
    {

        // PostgreSQL text cannot hold U+0000: this record passes validation but cannot be stored.
        await Probe.PublishRegistrationAsync(
            TestData.Json(TestData.Registration("NUL\u0000-1", "111111111118", "H1.9.13", "シカク ハナコ", TestData.InsurerB)));
        for (var i = 0; i < 3; i++)
        {
            await Probe.PublishRegistrationAsync(
                TestData.Json(TestData.Registration($"MATE-{i}", "111111111118", "H1.9.13", "シカク ハナコ", TestData.InsurerB) with { Sex = "2" }));
        }

        var notices = await Probe.WaitForAsync(QueueNames.Notices(TestData.InsurerB), 3, TimeSpan.FromSeconds(30));
        var errors = await Probe.WaitForAsync(ErrorQueue, 1, TimeSpan.FromSeconds(30));

        Assert.Equal(["MATE-0", "MATE-1", "MATE-2"], notices.Select(n => n.Message.GetProperty("registrationId").GetString()!).Order());
        Assert.Contains("NUL", Encoding.UTF8.GetString(ErrorQueueSeal.Open(Fixture, Assert.Single(errors).RawBody)));
    }
}
