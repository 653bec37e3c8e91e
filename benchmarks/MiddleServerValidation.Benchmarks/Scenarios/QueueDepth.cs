using RabbitMQ.Client;

namespace MiddleServerValidation.Benchmarks.Scenarios;

/// <summary>Messages waiting in a queue (not counting those delivered and not yet acknowledged), asked of the broker.</summary>
public sealed class QueueDepth : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _queue;

    private QueueDepth(IConnection connection, IChannel channel, string queue) => (_connection, _channel, _queue) = (connection, channel, queue);

    public static async Task<QueueDepth> ConnectAsync(BenchEnvironment environment, string queue, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            HostName = environment.RabbitHost, Port = environment.RabbitPort,
            UserName = environment.RabbitUser, Password = environment.RabbitPassword,
        };
        var connection = await factory.CreateConnectionAsync(cancellationToken);
        return new QueueDepth(connection, await connection.CreateChannelAsync(cancellationToken: cancellationToken), queue);
    }

    public async Task<uint> ReadyAsync(CancellationToken cancellationToken) =>
        (await _channel.QueueDeclarePassiveAsync(_queue, cancellationToken)).MessageCount;

    /// <summary>The same for a queue that may not exist yet (an error queue is declared at the first fault): 0 then.</summary>
    public async Task<uint> ReadyOrNoneAsync(CancellationToken cancellationToken)
    {
        await using var channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(_queue, cancellationToken)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
        _connection.Dispose();
    }
}
