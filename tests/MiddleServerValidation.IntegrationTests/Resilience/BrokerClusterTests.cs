using MiddleServerValidation.IntegrationTests.Infrastructure;

namespace MiddleServerValidation.IntegrationTests.Resilience;

/// <summary>A RabbitMQ cluster of three nodes of the class's own; the class's virtual host, users and queues live on it.</summary>
public sealed class BrokerClusterFixture : ServiceFixture
{
    private ITestServers? _servers;

    public PrivateRabbitMqCluster Cluster { get; private set; } = null!;

    protected override ITestServers Servers => _servers ?? throw new InvalidOperationException("The cluster is not started yet.");

    public override async Task InitializeAsync()
    {
        Cluster = await PrivateRabbitMqCluster.StartAsync();
        _servers = LocalTestServers.FromEnvironment().WithRabbitMq(Cluster.Port(0), Cluster.ManagementPort(0));
        await base.InitializeAsync();
        Settings["RabbitMq:ClusterNodes"] = Cluster.ClusterNodes;
    }

    public override async Task DisposeAsync()
    {
        if (_servers is null)
        {
            return;
        }

        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            await Cluster.DisposeAsync();
        }
    }
}

/// <summary>
/// Registrations stream in while the node the worker is connected to, which also leads the registrations queue, is
/// killed (kill -9) and later started again. The worker's bus and its notice dispatcher move to the other nodes by
/// themselves (RabbitMq:ClusterNodes), the quorum queues keep every message, and every registration ends with exactly
/// one final outcome and one notice id.
/// </summary>
public sealed class BrokerClusterTests(BrokerClusterFixture fixture) : IClassFixture<BrokerClusterFixture>
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
        var insurer = fixture.Insurers[TestData.InsurerA];
        var survivors = new[] { 2, 1 }.Select(n => fixture.Cluster.Endpoint(n, insurer.VirtualHost, insurer.Username, insurer.Password)).ToList();
        var registrations = Streams.Registrations("CLUSTER", 900, 9_400_000);
        var publishing = new RegistrationStream(survivors, TestData.InsurerA).PublishAsync(registrations, 100, CancellationToken.None);

        await Task.Delay(TimeSpan.FromSeconds(3));
        await fixture.Cluster.KillNodeAsync(0);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await fixture.Cluster.StartNodeAsync(0);

        await publishing;
        var reader = fixture.Cluster.Endpoint(2, fixture.RabbitMq.VirtualHost, fixture.RabbitMq.Username, fixture.RabbitMq.Password);
        var figures = await StreamAudit.WaitAsync(fixture.ConnectionString, reader, TestData.InsurerA, Streams.Ids(registrations), Patience);

        figures.AssertComplete();
        await Readiness.WaitAsync(new Uri(worker.Urls.First()), Patience);
    }
}
