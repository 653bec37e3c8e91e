using System.Text.Json;
using MiddleServerValidation.Contracts;
using RabbitMQ.Client;

namespace MiddleServerValidation.Benchmarks.Faults;

/// <summary>
/// Registrations published as an insurer's system does while servers fail: to the insurer's exchange, as its broker user,
/// with publisher confirms, at a steady rate. A publish the broker does not confirm in time (its node died, the queue was
/// electing a leader) is sent again on a new connection to any node: the registration id makes a second copy harmless.
/// </summary>
internal sealed class InsurerStream(IReadOnlyList<AmqpTcpEndpoint> nodes, string insurer, string password)
{
    private static readonly TimeSpan ConfirmTimeout = TimeSpan.FromSeconds(10);
    private int _confirmed;

    /// <summary>How many registrations the broker has confirmed so far.</summary>
    public int Confirmed => Volatile.Read(ref _confirmed);

    /// <summary>How many registrations were sent more than once (not confirmed the first time).</summary>
    public int Resent { get; private set; }

    public static byte[] Body(string registrationId, string insurer, string personalNumber) => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string?>
    {
        ["registrationId"] = registrationId, ["insurerNumber"] = insurer, ["personalNumber"] = personalNumber, ["birthDate"] = "H1.9.13",
        ["kanaName"] = "シカク ハナコ", ["cardSymbol"] = "77", ["cardNumber"] = "5501", ["branchNumber"] = "00",
    });

    public async Task PublishAsync(IReadOnlyList<byte[]> bodies, int perSecond, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        IConnection? connection = null;
        IChannel? channel = null;
        try
        {
            for (var i = 0; i < bodies.Count; i++)
            {
                var due = started + TimeSpan.FromSeconds((double)i / perSecond);
                if (due > DateTime.UtcNow)
                {
                    await Task.Delay(due - DateTime.UtcNow, cancellationToken);
                }

                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        if (channel is not { IsOpen: true })
                        {
                            await CloseAsync(connection);
                            (connection, channel) = await ConnectAsync(cancellationToken);
                        }

                        using var confirm = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                        confirm.CancelAfter(ConfirmTimeout);
                        var properties = new BasicProperties { ContentType = "application/json", Persistent = true, MessageId = Guid.NewGuid().ToString() };
                        await channel.BasicPublishAsync(QueueNames.RegistrationsExchange(insurer), "", mandatory: true, properties, bodies[i], confirm.Token);
                        Interlocked.Increment(ref _confirmed);
                        break;
                    }
                    catch (Exception) when (!cancellationToken.IsCancellationRequested && attempt < 120)
                    {
                        // Not confirmed: maybe stored, maybe not. Sent again on a new connection.
                        Resent += attempt == 0 ? 1 : 0;
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
    }

    private async Task<(IConnection, IChannel)> ConnectAsync(CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            UserName = $"insurer-{insurer}", Password = password, AutomaticRecoveryEnabled = false, RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
        };
        // A random first node: insurers' systems spread over the cluster.
        var order = nodes.OrderBy(_ => Random.Shared.Next()).ToList();
        var connection = await factory.CreateConnectionAsync(order, "fault stream", cancellationToken);
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
