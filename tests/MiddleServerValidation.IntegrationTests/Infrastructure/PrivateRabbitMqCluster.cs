using System.Globalization;

namespace MiddleServerValidation.IntegrationTests.Infrastructure;

/// <summary>
/// Three RabbitMQ nodes of one cluster of a test's own, started with the stack's script (msv_start_rabbitmq_cluster): a
/// node can be killed (kill -9) and started again while the others carry on. Every node runs the management plugin.
/// </summary>
public sealed class PrivateRabbitMqCluster : IAsyncDisposable
{
    public const int Size = 3;

    private PrivateRabbitMqCluster(string directory, int port, int managementPort) =>
        (Directory, FirstPort, FirstManagementPort) = (directory, port, managementPort);

    public string Directory { get; }
    public int FirstPort { get; }
    public int FirstManagementPort { get; }

    public int Port(int node) => FirstPort + node;

    public int ManagementPort(int node) => FirstManagementPort + node;

    /// <summary>The value of <c>RabbitMq:ClusterNodes</c> for this cluster, in node order.</summary>
    public string ClusterNodes => string.Join(',', Enumerable.Range(0, Size).Select(n => $"127.0.0.1:{Port(n)}"));

    public RabbitMqEndpoint Endpoint(int node, string virtualHost, string user = "guest", string password = "guest") =>
        new("127.0.0.1", Port(node), virtualHost, user, password);

    public static async Task<PrivateRabbitMqCluster> StartAsync()
    {
        var port = PrivateRabbitMq.FreePorts(Size);
        var management = Enumerable.Range(0, 100).Select(_ => Random.Shared.Next(16100, 16900))
            .First(p => Enumerable.Range(p, Size).All(PrivateRabbitMq.IsFree));
        var directory = Path.Combine(RepositoryRoot.Path, ".local", "test", "clusters", port.ToString(CultureInfo.InvariantCulture));
        System.IO.Directory.CreateDirectory(directory);
        var cluster = new PrivateRabbitMqCluster(directory, port, management);
        await Shell.RunAsync($"msv_start_rabbitmq_cluster '{directory}' {port} {management}", TimeSpan.FromMinutes(4));
        return cluster;
    }

    /// <summary>The node's Erlang VM is killed at once: no goodbye to its peers or its clients.</summary>
    public Task KillNodeAsync(int node) => Shell.RunAsync($"msv_kill_rabbitmq '{NodeDirectory(node)}'", TimeSpan.FromSeconds(30));

    /// <summary>Starts a node again (after a kill): it finds its cluster from its own state.</summary>
    public Task StartNodeAsync(int node) =>
        Shell.RunAsync($"msv_start_rabbitmq '{NodeDirectory(node)}' {Port(node)} {ManagementPort(node)}", TimeSpan.FromMinutes(3));

    private string NodeDirectory(int node) => Path.Combine(Directory, $"node-{node + 1}");

    public async ValueTask DisposeAsync()
    {
        await Shell.RunAsync($"msv_stop_rabbitmq_cluster '{Directory}' {FirstPort}", TimeSpan.FromMinutes(3));
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the next run of scripts/test.sh, which starts from a fresh state folder.
        }
    }
}
