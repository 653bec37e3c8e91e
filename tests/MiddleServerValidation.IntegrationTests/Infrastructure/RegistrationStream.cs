using System.Text.Json;
using MiddleServerValidation.Contracts;
using RabbitMQ.Client;

namespace MiddleServerValidation.IntegrationTests.Infrastructure;

/// <summary>
/// Registrations published as an insurer's system does while servers fail: to the insurer's exchange, with publisher
/// confirms, at a steady rate. A publish the broker does not confirm in time (its node died, the queue was electing a
/// leader) is sent again after reconnecting to any listed node: the registration id makes a second copy harmless.
/// </summary>
public sealed class RegistrationStream(IReadOnlyList<RabbitMqEndpoint> nodes, string insurer)
{
    private static readonly TimeSpan ConfirmTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Publishes the registrations, <paramref name="perSecond"/> a second; returns how many were sent more than once.</summary>
    public async Task<int> PublishAsync(IReadOnlyList<RegisterEnrollee> registrations, int perSecond, CancellationToken cancellationToken)
    {
        var resent = 0;
        var started = DateTime.UtcNow;
        IConnection? connection = null;
        IChannel? channel = null;
        try
        {
            for (var i = 0; i < registrations.Count; i++)
            {
                var due = started + TimeSpan.FromSeconds((double)i / perSecond);
                if (due > DateTime.UtcNow)
                {
                    await Task.Delay(due - DateTime.UtcNow, cancellationToken);
                }

                var body = JsonSerializer.SerializeToUtf8Bytes(TestData.Json(registrations[i]));
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        if (channel is not { IsOpen: true })
                        {
                            (connection, channel) = await ConnectAsync(connection, cancellationToken);
                        }

                        using var confirm = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                        confirm.CancelAfter(ConfirmTimeout);
                        var properties = new BasicProperties { ContentType = "application/json", Persistent = true, MessageId = Guid.NewGuid().ToString() };
                        await channel.BasicPublishAsync(QueueNames.RegistrationsExchange(insurer), "", mandatory: true, properties, body, confirm.Token);
                        break;
                    }
                    catch (Exception) when (!cancellationToken.IsCancellationRequested && attempt < 30)
                    {
                        // Not confirmed: maybe stored, maybe not. Sent again on a new connection.
                        resent += attempt == 0 ? 1 : 0;
                        await CloseAsync(connection);
                        (connection, channel) = (null, null);
                        await Task.Delay(500, cancellationToken);
                    }
                }
            }
        }
        finally
        {
            await CloseAsync(connection);
        }

        return resent;
    }

    private async Task<(IConnection, IChannel)> ConnectAsync(IConnection? previous, CancellationToken cancellationToken)
    {
        await CloseAsync(previous);
        var first = nodes[0];
        var factory = new ConnectionFactory
        {
            UserName = first.Username, Password = first.Password, VirtualHost = first.VirtualHost, AutomaticRecoveryEnabled = false,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
        };
        var connection = await factory.CreateConnectionAsync(nodes.Select(n => new AmqpTcpEndpoint(n.Host, n.Port)).ToList(), cancellationToken);
        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        return (connection, channel);
    }

    private static async Task CloseAsync(IConnection? connection)
    {
        if (connection is null)
        {
            return;
        }

        try
        {
            await connection.DisposeAsync();
        }
        catch (Exception)
        {
            // Its node is gone; nothing to close.
        }
    }
}
