using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.IntegrationTests.Reconciliation;
using MiddleServerValidation.Processing.ErrorQueue;
using RabbitMQ.Client;

namespace MiddleServerValidation.IntegrationTests.Security;

/// <summary>
/// The error queue is for operators to see why and to replay, with no plain personal number in it and not kept forever:
/// `msv errors list` and `msv errors replay`.
/// </summary>
public sealed class ErrorQueueTests(ServiceFixture fixture) : WorkerTestBase(fixture)
{
    [Fact]
    public async Task A_sealed_registration_is_replayed_for_its_sender_and_one_that_cannot_be_stays()
    {
        var number = TestData.PersonalNumber(9_700);
        await PutInErrorQueueAsync(TestData.Registration("REPLAY-1", number, "H1.9.13", "シカク ハナコ"), sender: TestData.InsurerA);
        await PutInErrorQueueAsync(TestData.Registration("REPLAY-2", TestData.PersonalNumber(9_701), "H1.9.13", "シカク ハナコ"), sender: null);

        var listed = await CliProcess.RunAsync(Fixture, "errors", "list");
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains("REPLAY-1", listed.Output);
        Assert.Contains("2 件", listed.Output);
        Assert.DoesNotContain(number, listed.Output);

        var replayed = await CliProcess.RunAsync(Fixture, "errors", "replay");

        Assert.Equal(3, replayed.ExitCode);
        Assert.Contains("判定 1 件、残り 1 件", replayed.Output);
        var notice = (await Probe.WaitForRegistrationAsync(QueueNames.Notices(TestData.InsurerA), "REPLAY-1", Timeout)).Message;
        Assert.Equal("********" + number[^4..], notice.GetProperty("personalNumberMasked").GetString());
        var left = Assert.Single(await Probe.DrainAsync(SealedRegistration.ErrorQueue));
        Assert.Equal("REPLAY-2", left.Headers[SealedRegistration.RegistrationIdHeader]);
    }

    [Fact]
    public async Task Error_queues_keep_messages_a_limited_time_and_number()
    {
        var management = Environment.GetEnvironmentVariable("MSV_TEST_RABBITMQ_MANAGEMENT")!;
        var uri = new Uri(management);
        using var http = new HttpClient { BaseAddress = new Uri(uri.GetLeftPart(UriPartial.Authority)) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(uri.UserInfo))));

        var queue = await Eventually.GetAsync(
            () => http.GetFromJsonAsync<JsonElement>($"/api/queues/{Uri.EscapeDataString(Fixture.RabbitMq.VirtualHost)}/{SealedRegistration.ErrorQueue}"),
            q => q.TryGetProperty("effective_policy_definition", out var d) && d.ValueKind == JsonValueKind.Object && d.TryGetProperty("message-ttl", out _),
            TimeSpan.FromSeconds(30), "the retention policy on the error queue");

        var policy = queue.GetProperty("effective_policy_definition");
        Assert.Equal(30L * 24 * 60 * 60 * 1000, policy.GetProperty("message-ttl").GetInt64());
        Assert.Equal(100_000, policy.GetProperty("max-length").GetInt32());
    }

    /// <summary>As the worker leaves a registration it could not decide: sealed, with the sender and the cause in headers.</summary>
    private async Task PutInErrorQueueAsync(RegisterEnrollee registration, string? sender)
    {
        var body = ErrorQueueSeal.Seal(Fixture, JsonSerializer.SerializeToUtf8Bytes(TestData.Json(registration)));
        var headers = new Dictionary<string, object?>
        {
            [SealedRegistration.SealedHeader] = SealedRegistration.SealedValue,
            [SealedRegistration.RegistrationIdHeader] = registration.RegistrationId,
            ["MT-Fault-Message"] = "データベースに接続できませんでした",
        };
        if (sender is not null)
        {
            headers[SealedRegistration.SenderHeader] = sender;
        }

        var factory = new ConnectionFactory
        {
            HostName = Fixture.RabbitMq.Host, Port = Fixture.RabbitMq.Port, VirtualHost = Fixture.RabbitMq.VirtualHost,
            UserName = Fixture.RabbitMq.Username, Password = Fixture.RabbitMq.Password,
        };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(SealedRegistration.ErrorQueue, durable: true, exclusive: false, autoDelete: false);
        await channel.BasicPublishAsync("", SealedRegistration.ErrorQueue, mandatory: true,
            new BasicProperties { ContentType = SealedRegistration.ContentType, Persistent = true, Headers = headers }, body);
    }
}
