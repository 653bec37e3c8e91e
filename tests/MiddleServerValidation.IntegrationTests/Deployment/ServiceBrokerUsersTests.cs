using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using MiddleServerValidation.BatchFiles;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Batches;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Web;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace MiddleServerValidation.IntegrationTests.Deployment;

/// <summary>
/// The web host and the worker each with the broker user and permissions of deploy/rabbitmq/service-permissions (as
/// add-service-user.sh gives them): a batch goes from the web host's claim check to the worker, a registration to its
/// notice; and the web host's user cannot read the registrations queue.
/// </summary>
public sealed class ServiceBrokerUsersTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];
    private readonly HttpClient _management = Management();

    private string WebUser => $"msv-web-{_suffix}";
    private string WorkerUser => $"msv-worker-{_suffix}";

    public async Task InitializeAsync()
    {
        foreach (var (host, user) in new[] { ("web", WebUser), ("worker", WorkerUser) })
        {
            var (configure, write, read) = Permissions(host);
            (await _management.PutAsJsonAsync($"/api/users/{user}", new { password = user, tags = "" })).EnsureSuccessStatusCode();
            (await _management.PutAsJsonAsync($"/api/permissions/{Uri.EscapeDataString(fixture.RabbitMq.VirtualHost)}/{user}",
                new { configure, write, read })).EnsureSuccessStatusCode();
        }
    }

    public async Task DisposeAsync()
    {
        await _management.DeleteAsync($"/api/users/{WebUser}");
        await _management.DeleteAsync($"/api/users/{WorkerUser}");
        _management.Dispose();
    }

    [Fact]
    public async Task Web_and_worker_do_their_work_with_their_own_users_and_the_web_user_reads_no_queue_of_the_service()
    {
        await fixture.StartWorkerAsync(As(WorkerUser));
        var web = WebApp.Build([], builder => fixture.Configure(builder, As(WebUser)));
        await web.StartAsync();
        try
        {
            using var api = new BatchApi(new HttpClient { BaseAddress = new Uri(web.Urls.First()) });
            api.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await fixture.CreateApiKeyAsync(TestData.InsurerA));
            var file = BatchColumns.HeaderLine + "\r\n" + $"USERS-01,06139992,{TestData.PersonalNumber(990)},1980-01-01,シカク ハナコ,2,77,5501,00,\r\n";

            var id = await api.SubmitAsync(BatchApi.Utf8(file));
            await api.WaitCompletedAsync(id, Timeout);

            // Sent by the web host itself, not left for the worker's recovery pass.
            Assert.DoesNotContain(fixture.Logs.Lines, line => line.Contains("claim check was not sent", StringComparison.Ordinal));
        }
        finally
        {
            await web.StopAsync();
            await web.DisposeAsync();
        }

        await using var insurer = await RabbitMqProbe.ConnectAsync(fixture.RabbitMq);
        await insurer.PublishJsonAsync(QueueNames.Registrations,
            TestData.Json(TestData.Registration("USERS-02", "333333333332", "R3.03.01", "ｼｶｸ ｻｸﾗ") with { Sex = "2" }));
        Assert.Single(await insurer.WaitForAsync(QueueNames.Notices(TestData.InsurerA), 1, Timeout));

        var factory = new ConnectionFactory
        {
            HostName = fixture.RabbitMq.Host, Port = fixture.RabbitMq.Port, VirtualHost = fixture.RabbitMq.VirtualHost,
            UserName = WebUser, Password = WebUser,
        };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var refused = await Assert.ThrowsAsync<OperationInterruptedException>(() => channel.BasicGetAsync(QueueNames.Registrations, autoAck: false));
        Assert.Equal((ushort)403, refused.ShutdownReason!.ReplyCode);
    }

    private Dictionary<string, string?> As(string user) => new() { ["RabbitMq:Username"] = user, ["RabbitMq:Password"] = user };

    private static (string Configure, string Write, string Read) Permissions(string host)
    {
        var line = File.ReadLines(Path.Combine(RepositoryRoot.Path, "deploy", "rabbitmq", "service-permissions"))
            .Select(l => l.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Single(fields => fields.Length == 4 && fields[0] == host);
        return (line[1], line[2], line[3]);
    }

    private static HttpClient Management()
    {
        var address = new Uri(Environment.GetEnvironmentVariable("MSV_TEST_RABBITMQ_MANAGEMENT")
            ?? throw new InvalidOperationException("MSV_TEST_RABBITMQ_MANAGEMENT is not set: run the suite with scripts/test.sh."));
        var client = new HttpClient { BaseAddress = new Uri(address.GetLeftPart(UriPartial.Authority)) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(address.UserInfo))));
        return client;
    }
}
