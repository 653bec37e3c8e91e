using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace MiddleServerValidation.IntegrationTests.Resilience;

/// <summary>A RabbitMQ cluster of three nodes of the class's own; the class's virtual host, users and queues live on it.</summary>
public sealed class BrokerClusterFixture : OwnServersFixture
{
    public PrivateRabbitMqCluster Cluster { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Settings["RabbitMq:ClusterNodes"] = Cluster.ClusterNodes;
    }

    protected override async Task<(ITestServers Servers, IReadOnlyList<IAsyncDisposable> StopAfter)> StartServersAsync()
    {
        Cluster = await PrivateRabbitMqCluster.StartAsync();
        return (LocalTestServers.FromEnvironment().WithRabbitMq(Cluster.Port(0), Cluster.ManagementPort(0)), [Cluster]);
    }
}

/// <summary>
/// Registrations stream in while the node the worker is connected to, which also leads the registrations queue, is
/// killed (kill -9) and later started again. The worker's bus and its notice dispatcher move to the other nodes by
/// themselves (RabbitMq:ClusterNodes), the quorum queues keep every message, and every registration ends with exactly
/// one final outcome and one notice id.
/// </summary>
public sealed class BrokerClusterTests(BrokerClusterFixture fixture, ITestOutputHelper output) : IClassFixture<BrokerClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_node_killed_mid_stream_loses_no_registration_and_no_notice()
    {
        // The worker takes the nodes in the listed order: it is on node 0 at first, where its queues are declared.
        var worker = await fixture.StartWorkerAsync(new Dictionary<string, string?>
        {
            ["Notices:SendTimeout"] = "00:00:03",
            ["Notices:ClaimLease"] = "00:00:06",
        });
        using var management = new ManagementApi(fixture.Cluster.ManagementPort(2));
        var queue = await management.QueueAsync(fixture.RabbitMq.VirtualHost, QueueNames.Registrations);
        Assert.Equal("quorum", queue.GetProperty("type").GetString());
        Assert.Equal(PrivateRabbitMqCluster.Size, queue.GetProperty("members").GetArrayLength());
        output.WriteLine($"registrations queue led by {queue.GetProperty("leader").GetString()}; killing node 0 (port {fixture.Cluster.Port(0)})");

        var insurer = fixture.Insurers[TestData.InsurerA];
        var survivors = new[] { 2, 1 }.Select(n => fixture.Cluster.Endpoint(n, insurer.VirtualHost, insurer.Username, insurer.Password)).ToList();
        var registrations = Streams.Registrations("CLUSTER", 900, 9_400_000);
        var publishing = new RegistrationStream(survivors, TestData.InsurerA).PublishAsync(registrations, 100, CancellationToken.None);

        await Task.Delay(TimeSpan.FromSeconds(3));
        await fixture.Cluster.KillNodeAsync(0);
        // With node 0 still dead, registrations are decided and notices sent: the worker went on through the others.
        var atKill = await ProgressAsync();
        var meanwhile = await Eventually.GetAsync(ProgressAsync, now => now.Decided >= atKill.Decided + 100 && now.Sent >= atKill.Sent + 100,
            TimeSpan.FromSeconds(30), "registrations decided and notices sent while node 0 is down");
        output.WriteLine($"while node 0 was down: decided {atKill.Decided} -> {meanwhile.Decided}, notices sent {atKill.Sent} -> {meanwhile.Sent}");
        await fixture.Cluster.StartNodeAsync(0);

        await publishing;
        var reader = fixture.Cluster.Endpoint(2, fixture.RabbitMq.VirtualHost, fixture.RabbitMq.Username, fixture.RabbitMq.Password);
        var figures = await StreamAudit.WaitAsync(fixture.ConnectionString, reader, TestData.InsurerA, Streams.Ids(registrations), Patience);

        output.WriteLine(figures.ToString());
        figures.AssertComplete();
        await Readiness.WaitAsync(new Uri(worker.Urls.First()), Patience);
        Assert.Equal(PrivateRabbitMqCluster.Size, (await management.GetAsync("nodes")).EnumerateArray().Count(n => n.GetProperty("running").GetBoolean()));
    }

    private async Task<(long Decided, long Sent)> ProgressAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT count(*), count(*) FILTER (WHERE EXISTS (SELECT FROM notices n WHERE n.registration_id = r.id AND n.dispatched_at IS NOT NULL))
            FROM registrations r WHERE r.registration_id LIKE 'CLUSTER-%'
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
