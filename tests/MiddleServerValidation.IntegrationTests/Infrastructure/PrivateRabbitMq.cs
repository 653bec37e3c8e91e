using System.Net;
using System.Net.Sockets;

namespace MiddleServerValidation.IntegrationTests.Infrastructure;

/// <summary>
/// A RabbitMQ node of a test's own, started and stopped with the stack's scripts (msv_start_rabbitmq, msv_stop_rabbitmq):
/// for tests that restart or kill the broker, which the suite's shared node must never see. State is kept across a
/// restart (durable queues and persistent messages survive, as in production).
/// </summary>
public sealed class PrivateRabbitMq : IAsyncDisposable
{
    private PrivateRabbitMq(string directory, int port, int managementPort) => (Directory, Port, ManagementPort) = (directory, port, managementPort);

    public string Directory { get; }
    public int Port { get; }

    /// <summary>The management plugin's port, or 0 when the node runs without it.</summary>
    public int ManagementPort { get; }

    public RabbitMqEndpoint Endpoint => new("127.0.0.1", Port, "/", "guest", "guest");

    /// <param name="prepare">Given the node's folder before it starts: a test may add its <c>extra.conf</c> there.</param>
    /// <param name="management">With the management plugin, so the operator's broker scripts can set the node up.</param>
    public static async Task<PrivateRabbitMq> StartAsync(Action<string>? prepare = null, bool management = false)
    {
        var port = FreePort();
        var managementPort = management ? Enumerable.Range(0, 200).Select(_ => Random.Shared.Next(16100, 16900)).First(IsFree) : 0;
        var directory = Path.Combine(RepositoryRoot.Path, ".local", "test", "nodes", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        System.IO.Directory.CreateDirectory(directory);
        prepare?.Invoke(directory);
        var node = new PrivateRabbitMq(directory, port, managementPort);
        await node.StartNodeAsync();
        return node;
    }

    public Task StartNodeAsync() => Shell.RunAsync($"msv_start_rabbitmq '{Directory}' {Port} {ManagementPort}", TimeSpan.FromMinutes(3));

    public Task StopNodeAsync() => Shell.RunAsync($"msv_stop_rabbitmq '{Directory}' {Port}", TimeSpan.FromMinutes(2));

    public async Task RestartAsync()
    {
        await StopNodeAsync();
        await StartNodeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopNodeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the next run of scripts/test.sh, which starts from a fresh state folder.
        }
    }

    /// <summary>
    /// A port whose neighbours the node also uses (distribution port +20000, epmd -1300) are free: chosen in a range of
    /// its own, away from the suite's servers and the run command's.
    /// </summary>
    public static int FreePort() => FreePorts(1);

    /// <summary>The first of <paramref name="count"/> consecutive node ports that are free with their neighbours.</summary>
    public static int FreePorts(int count)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(6100, 6900 - count);
            if (Enumerable.Range(port, count).All(p => IsFree(p) && IsFree(p + 20000)) && IsFree(port - 1300))
            {
                return port;
            }
        }

        throw new InvalidOperationException("No free port for a private RabbitMQ node.");
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
