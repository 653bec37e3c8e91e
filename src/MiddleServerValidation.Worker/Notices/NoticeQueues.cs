using System.Collections.Concurrent;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.ServiceDefaults;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace MiddleServerValidation.Worker.Notices;

/// <summary>
/// Makes sure an insurer's notice queue exists before its first notice is sent, so a notice is kept even when the insurer
/// has never connected: the queue <c>notices.{insurer}</c> (a quorum queue when <c>RabbitMq:QuorumQueues</c>, so it
/// survives the loss of a broker node), and the exchange of the same name, which the dispatcher sends to, bound to it.
/// MassTransit's <c>queue:</c> addresses can only declare classic queues, hence a connection of its own. A queue that
/// exists already stays as it is: RabbitMQ cannot change a queue's type, and an older classic one still takes notices.
/// </summary>
public sealed class NoticeQueues(IOptions<RabbitMqOptions> options, ILogger<NoticeQueues> logger) : IAsyncDisposable
{
    private const int PreconditionFailed = 406;

    private readonly ConcurrentDictionary<string, byte> _ready = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    public async ValueTask EnsureAsync(string insurerNumber, CancellationToken cancellationToken)
    {
        var name = QueueNames.Notices(insurerNumber);
        if (_ready.ContainsKey(name))
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_ready.ContainsKey(name))
            {
                await DeclareAsync(name, cancellationToken);
                _ready.TryAdd(name, 0);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A connection that failed is not trusted again: the next notice opens another, to whichever node answers.
            await DropConnectionAsync();
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task DeclareAsync(string name, CancellationToken cancellationToken)
    {
        if (_connection is not { IsOpen: true })
        {
            await DropConnectionAsync();
            _connection = await options.Value.ConnectAsync("notice queues", cancellationToken);
        }

        var arguments = options.Value.QuorumQueues ? new Dictionary<string, object?> { ["x-queue-type"] = "quorum" } : null;
        await using (var channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken))
        {
            await channel.ExchangeDeclareAsync(name, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            try
            {
                await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, arguments, cancellationToken: cancellationToken);
            }
            catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == PreconditionFailed)
            {
                logger.LogWarning(
                    "The notice queue {Queue} exists with other settings than a new one would get ({Reason}); it is used as it is",
                    name, e.ShutdownReason.ReplyText);
            }
        }

        // The failed declaration closed its channel: bind on a fresh one.
        await using var binding = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await binding.QueueBindAsync(name, name, routingKey: "", cancellationToken: cancellationToken);
    }

    private async Task DropConnectionAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            try
            {
                await connection.DisposeAsync();
            }
            catch (Exception e) when (e is OperationInterruptedException or AlreadyClosedException or IOException)
            {
                // Already gone with its node.
            }
        }
    }

    public async ValueTask DisposeAsync() => await DropConnectionAsync();
}
