using System.Net.Http.Headers;
using MiddleServerValidation.BatchFiles;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Batches;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Web;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace MiddleServerValidation.IntegrationTests.Deployment;

/// <summary>
/// The web host and the worker each with the broker user and permissions of deploy/rabbitmq/service-permissions (made by
/// add-service-user.sh): a batch goes from the web host's claim check to the worker, a registration to its
/// notice; and the web host's user cannot read the registrations queue.
/// </summary>
public sealed class ServiceBrokerUsersTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    private string WebUser => $"msv-web-{_suffix}";
    private string WorkerUser => $"msv-worker-{_suffix}";
    private string Password(string user) => $"{user}-password";

    public async Task InitializeAsync()
    {
        foreach (var (host, user) in new[] { ("web", WebUser), ("worker", WorkerUser) })
        {
            await TestServers.Current.AddServiceUserAsync(fixture.RabbitMq.VirtualHost, host, user, Password(user), CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        await TestServers.Current.DeleteUserAsync(WebUser, CancellationToken.None);
        await TestServers.Current.DeleteUserAsync(WorkerUser, CancellationToken.None);
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

        await using var insurer = await RabbitMqProbe.ConnectAsync(fixture.Insurers[TestData.InsurerA]);
        await insurer.PublishRegistrationAsync(
            TestData.Json(TestData.Registration("USERS-02", "333333333332", "R3.03.01", "ｼｶｸ ｻｸﾗ") with { Sex = "2" }));
        Assert.Single(await insurer.WaitForAsync(QueueNames.Notices(TestData.InsurerA), 1, Timeout));

        var factory = new ConnectionFactory
        {
            HostName = fixture.RabbitMq.Host, Port = fixture.RabbitMq.Port, VirtualHost = fixture.RabbitMq.VirtualHost,
            UserName = WebUser, Password = Password(WebUser),
        };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var refused = await Assert.ThrowsAsync<OperationInterruptedException>(() => channel.BasicGetAsync(QueueNames.Registrations, autoAck: false));
        Assert.Equal((ushort)403, refused.ShutdownReason!.ReplyCode);
    }

    private Dictionary<string, string?> As(string user) => new() { ["RabbitMq:Username"] = user, ["RabbitMq:Password"] = Password(user) };
}
