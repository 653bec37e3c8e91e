using System.Text.Json;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.ServiceDefaults;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace MiddleServerValidation.Cli.Submission;

/// <summary>
/// What an insurer's own system does on the broker, with nothing but AMQP: log in as its broker user
/// (<c>insurer-{number}</c>), publish each registration as plain JSON to its exchange <c>registrations.{number}</c>
/// with publisher confirms, and read its notice queue <c>notices.{number}</c>.
/// </summary>
internal sealed class InsurerBrokerClient : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private InsurerBrokerClient(string insurerNumber, IConnection connection, IChannel channel) =>
        (InsurerNumber, _connection, _channel) = (insurerNumber, connection, channel);

    public string InsurerNumber { get; }

    /// <exception cref="ArgumentException">The broker user is not an insurer's (<c>insurer-{number}</c>).</exception>
    public static async Task<InsurerBrokerClient> ConnectAsync(RabbitMqOptions options, CancellationToken cancellationToken)
    {
        var insurer = options.Username is { Length: > 8 } user && user.StartsWith("insurer-", StringComparison.Ordinal)
            ? user[8..]
            : throw new ArgumentException("RabbitMq:Username には保険者のブローカーユーザー（insurer-保険者番号）を指定してください。");
        var connection = await options.ConnectAsync($"msv send ({insurer})", cancellationToken);
        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        return new InsurerBrokerClient(insurer, connection, channel);
    }

    /// <summary>Publishes a registration and waits for the broker's confirmation.</summary>
    public async Task PublishAsync(RegisterEnrollee registration, CancellationToken cancellationToken)
    {
        var properties = new BasicProperties
        {
            ContentType = "application/json", Persistent = true, MessageId = Guid.NewGuid().ToString(),
        };
        await _channel.BasicPublishAsync(QueueNames.RegistrationsExchange(InsurerNumber), routingKey: "", mandatory: true, properties,
            JsonSerializer.SerializeToUtf8Bytes(registration, Json), cancellationToken);
    }

    /// <summary>Reads the insurer's notice queue until cancelled, handing each notice (the message of its envelope) to <paramref name="received"/>.</summary>
    public async Task ConsumeNoticesAsync(Action<RegistrationNotice> received, CancellationToken cancellationToken)
    {
        var consumer = new AsyncEventingBasicConsumer(_channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            using (var envelope = JsonDocument.Parse(delivery.Body))
            {
                if (envelope.RootElement.TryGetProperty("message", out var message) && message.Deserialize<RegistrationNotice>(Json) is { } notice)
                {
                    received(notice);
                }
            }

            await _channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        };
        await _channel.BasicConsumeAsync(QueueNames.Notices(InsurerNumber), autoAck: false, consumer, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
        _connection.Dispose();
    }
}
