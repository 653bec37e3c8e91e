using System.Text;
using MiddleServerValidation.Processing.ErrorQueue;
using MiddleServerValidation.ServiceDefaults;
using RabbitMQ.Client;

namespace MiddleServerValidation.Cli.ErrorQueue;

/// <summary>
/// Takes the messages of the registrations' error queue one by one and holds them unacknowledged: each is taken once
/// per run, and those not settled go back to the queue, in their order, when the reader is disposed.
/// </summary>
internal sealed class ErrorQueueReader : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private ErrorQueueReader(IConnection connection, IChannel channel) => (_connection, _channel) = (connection, channel);

    public static async Task<ErrorQueueReader> ConnectAsync(RabbitMqOptions options, CancellationToken cancellationToken)
    {
        var connection = await options.ConnectAsync("msv errors", cancellationToken);
        return new ErrorQueueReader(connection, await connection.CreateChannelAsync(cancellationToken: cancellationToken));
    }

    public async Task<FaultedRegistration?> NextAsync(CancellationToken cancellationToken)
    {
        var result = await _channel.BasicGetAsync(SealedRegistration.ErrorQueue, autoAck: false, cancellationToken);
        if (result is null)
        {
            return null;
        }

        string? Header(string name) =>
            result.BasicProperties.Headers?.TryGetValue(name, out var value) == true ? value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                null => null,
                _ => value.ToString(),
            } : null;

        return new FaultedRegistration(
            result.DeliveryTag, result.Body.ToArray(), Header(SealedRegistration.SealedHeader) == SealedRegistration.SealedValue,
            Header(SealedRegistration.SenderHeader), Header(SealedRegistration.RegistrationIdHeader), Header("MT-Fault-Message"),
            Header("MT-Fault-ExceptionType"), Header("MT-Fault-Timestamp"));
    }

    /// <summary>Removes a message from the queue: it was decided.</summary>
    public Task SettleAsync(FaultedRegistration message, CancellationToken cancellationToken) =>
        _channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken).AsTask();

    public async ValueTask DisposeAsync()
    {
        // Closing the channel returns every message taken and not settled.
        await _channel.CloseAsync();
        await _connection.CloseAsync();
        _connection.Dispose();
    }
}

/// <summary>One message of the error queue, as taken: its body (sealed unless from before sealing) and what its headers say.</summary>
internal sealed record FaultedRegistration(
    ulong DeliveryTag, byte[] Body, bool Sealed, string? Sender, string? RegistrationId, string? Cause, string? ExceptionType, string? FaultedAt);
