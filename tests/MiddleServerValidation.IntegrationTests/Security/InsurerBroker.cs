using System.Text;
using System.Text.Json;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace MiddleServerValidation.IntegrationTests.Security;

/// <summary>A connection logged in as one insurer's broker user: what that insurer, or someone holding its password, can do.</summary>
internal sealed class InsurerBroker : IAsyncDisposable
{
    private readonly IConnection _connection;

    private InsurerBroker(IConnection connection) => _connection = connection;

    public static async Task<InsurerBroker> ConnectAsync(RabbitMqEndpoint insurer) =>
        new(await new ConnectionFactory
        {
            HostName = insurer.Host, Port = insurer.Port, VirtualHost = insurer.VirtualHost, UserName = insurer.Username, Password = insurer.Password,
        }.CreateConnectionAsync());

    /// <summary>Publishes with confirms on a channel of its own; false when the broker refuses it (access refused closes the channel).</summary>
    public async Task<bool> TryPublishAsync(string exchange, string routingKey, object body)
    {
        await using var channel = await _connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        try
        {
            await channel.BasicPublishAsync(exchange, routingKey, mandatory: false, new BasicProperties { ContentType = "application/json", Persistent = true },
                JsonSerializer.SerializeToUtf8Bytes(body));
            return true;
        }
        catch (Exception e) when (e is OperationInterruptedException or AlreadyClosedException or PublishException)
        {
            return false;
        }
    }

    /// <summary>Reads one message from a queue; false when the broker refuses the read.</summary>
    public async Task<bool> CanReadAsync(string queue)
    {
        await using var channel = await _connection.CreateChannelAsync();
        try
        {
            await channel.BasicGetAsync(queue, autoAck: false);
            return true;
        }
        catch (OperationInterruptedException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.CloseAsync();
        _connection.Dispose();
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
