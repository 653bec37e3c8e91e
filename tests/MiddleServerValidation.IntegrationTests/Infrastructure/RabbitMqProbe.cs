using System.Text;
using System.Text.Json;
using MiddleServerValidation.Contracts;
using RabbitMQ.Client;

namespace MiddleServerValidation.IntegrationTests.Infrastructure;

/// <summary>
/// A plain AMQP client, as an insurer's non-.NET system would use: publishes raw bodies to a queue
/// through the default exchange and reads queues message by message.
/// </summary>
public sealed class RabbitMqProbe : IAsyncDisposable
{
    private readonly ConnectionFactory _factory;
    private IConnection _connection;
    private IChannel _channel;

    private RabbitMqProbe(ConnectionFactory factory, IConnection connection, IChannel channel) =>
        (_factory, _connection, _channel) = (factory, connection, channel);

    public static async Task<RabbitMqProbe> ConnectAsync(RabbitMqEndpoint endpoint)
    {
        var factory = new ConnectionFactory
        {
            HostName = endpoint.Host, Port = endpoint.Port, VirtualHost = endpoint.VirtualHost,
            UserName = endpoint.Username, Password = endpoint.Password,
        };
        var connection = await factory.CreateConnectionAsync();
        return new RabbitMqProbe(factory, connection, await connection.CreateChannelAsync());
    }

    public async Task PublishAsync(string queue, byte[] body, string contentType)
    {
        var properties = new BasicProperties { ContentType = contentType, Persistent = true, MessageId = Guid.NewGuid().ToString() };
        await _channel.BasicPublishAsync(exchange: "", routingKey: queue, mandatory: true, basicProperties: properties, body: body);
    }

    public Task PublishJsonAsync(string queue, object body) =>
        PublishAsync(queue, JsonSerializer.SerializeToUtf8Bytes(body), "application/json");

    /// <summary>
    /// Publishes a registration as an insurer's system does: to the insurer's own exchange, <c>registrations.{insurer}</c>
    /// (the insurer the body names unless <paramref name="asInsurer"/> says otherwise).
    /// </summary>
    public Task PublishRegistrationAsync(object body, string? asInsurer = null) =>
        PublishToExchangeAsync(QueueNames.RegistrationsExchange(asInsurer ?? InsurerNamedIn(body)), JsonSerializer.SerializeToUtf8Bytes(body), "application/json");

    public async Task PublishToExchangeAsync(string exchange, byte[] body, string contentType)
    {
        var properties = new BasicProperties { ContentType = contentType, Persistent = true, MessageId = Guid.NewGuid().ToString() };
        await _channel.BasicPublishAsync(exchange, routingKey: "", mandatory: true, basicProperties: properties, body: body);
    }

    private static string InsurerNamedIn(object body) => body switch
    {
        IReadOnlyDictionary<string, string?> fields when fields.TryGetValue("insurerNumber", out var insurer) && insurer is not null => insurer,
        RegisterEnrollee registration when registration.InsurerNumber is not null => registration.InsurerNumber,
        _ => throw new ArgumentException("The body names no insurer: say which insurer publishes it."),
    };

    public async Task<bool> QueueExistsAsync(string queue)
    {
        await using var channel = await _connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeclarePassiveAsync(queue);
            return true;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return false;
        }
    }

    /// <summary>
    /// A downstream system's queue on the state events' exchange (declared as the worker declares it), bound to
    /// <paramref name="routingKey"/> (<c>#</c>: every insurer and state).
    /// </summary>
    public async Task BindStateEventsAsync(string queue, string routingKey = "#")
    {
        await _channel.ExchangeDeclareAsync(QueueNames.RegistrationStates, ExchangeType.Topic, durable: true, autoDelete: false);
        await _channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await _channel.QueueBindAsync(queue, QueueNames.RegistrationStates, routingKey);
    }

    /// <summary>Takes every message now in the queue.</summary>
    public async Task<List<ReceivedMessage>> DrainAsync(string queue)
    {
        var messages = new List<ReceivedMessage>();
        if (!await QueueExistsAsync(queue))
        {
            return messages;
        }

        try
        {
            while (await _channel.BasicGetAsync(queue, autoAck: true) is { } result)
            {
                var headers = result.BasicProperties.Headers?.ToDictionary(
                    h => h.Key, h => h.Value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : h.Value?.ToString())
                    ?? [];
                messages.Add(new ReceivedMessage(Encoding.UTF8.GetString(result.Body.Span), result.BasicProperties.MessageId, headers, result.Body.ToArray()));
            }
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException e) when (e.ShutdownReason?.ReplyText.Contains("noproc", StringComparison.Ordinal) == true)
        {
            // The queue's process was still starting (just declared, or its policy just applied): the channel is closed —
            // or, when the broker answered with a connection-level INTERNAL_ERROR, the connection too; ask again later.
            if (!_connection.IsOpen)
            {
                _connection.Dispose();
                _connection = await _factory.CreateConnectionAsync();
            }

            _channel = await _connection.CreateChannelAsync();
        }

        return messages;
    }

    /// <summary>Waits until the queue has delivered at least <paramref name="count"/> messages, collecting them.</summary>
    public async Task<List<ReceivedMessage>> WaitForAsync(string queue, int count, TimeSpan timeout)
    {
        var collected = new List<ReceivedMessage>();
        var deadline = DateTime.UtcNow + timeout;
        while (collected.Count < count && DateTime.UtcNow < deadline)
        {
            collected.AddRange(await DrainAsync(queue));
            if (collected.Count < count)
            {
                await Task.Delay(100);
            }
        }

        return collected;
    }

    /// <summary>Waits for the message about one registration (its envelope's <c>registrationId</c>), leaving no other behind unread.</summary>
    public async Task<ReceivedMessage> WaitForRegistrationAsync(string queue, string registrationId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if ((await DrainAsync(queue)).FirstOrDefault(m => m.Message.GetProperty("registrationId").GetString() == registrationId) is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No message about {registrationId} on {queue} within {timeout.TotalSeconds:0} s.");
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
        _connection.Dispose();
    }
}

public sealed record ReceivedMessage(string Body, string? MessageId, IReadOnlyDictionary<string, string?> Headers, byte[] RawBody)
{
    /// <summary>The <c>message</c> of a MassTransit envelope.</summary>
    public JsonElement Message => JsonDocument.Parse(Body).RootElement.GetProperty("message");
}
