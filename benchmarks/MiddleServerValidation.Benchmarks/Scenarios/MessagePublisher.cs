using MiddleServerValidation.Contracts;
using RabbitMQ.Client;

namespace MiddleServerValidation.Benchmarks.Scenarios;

/// <summary>
/// Publishes plain JSON bodies straight to a queue, as an insurer's non-.NET system does, with publisher
/// confirms and many messages in flight, so the publisher is not what limits the rate.
/// </summary>
public static class MessagePublisher
{
    private const int InFlight = 1_000;

    /// <summary>Publishes every body straight to <paramref name="queue"/> (the floors' own queues).</summary>
    public static Task PublishAsync(BenchEnvironment environment, string queue, IReadOnlyList<byte[]> bodies, CancellationToken cancellationToken) =>
        PublishAsync(environment, bodies.Select(body => new Outgoing("", queue, body)).ToList(), cancellationToken);

    /// <summary>
    /// Publishes each registration to its insurer's own exchange, <c>registrations.{insurer}</c>, as the insurer's system
    /// does (the worker takes the sender from that exchange and sends anything else to the error queue). The exchanges
    /// are declared and bound to the registrations queue first, as <c>deploy/rabbitmq/add-insurer.sh</c> does.
    /// </summary>
    public static async Task PublishRegistrationsAsync(
        BenchEnvironment environment, IReadOnlyList<(string Insurer, byte[] Body)> registrations, CancellationToken cancellationToken)
    {
        await using (var connection = await Factory(environment).CreateConnectionAsync(cancellationToken))
        await using (var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken))
        {
            foreach (var insurer in registrations.Select(r => r.Insurer).Distinct())
            {
                var exchange = QueueNames.RegistrationsExchange(insurer);
                await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, cancellationToken: cancellationToken);
                await channel.QueueBindAsync(QueueNames.Registrations, exchange, "", cancellationToken: cancellationToken);
            }
        }

        await PublishAsync(environment, registrations.Select(r => new Outgoing(QueueNames.RegistrationsExchange(r.Insurer), "", r.Body)).ToList(),
            cancellationToken);
    }

    private static async Task PublishAsync(BenchEnvironment environment, IReadOnlyList<Outgoing> messages, CancellationToken cancellationToken)
    {
        await using var connection = await Factory(environment).CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        using var slots = new SemaphoreSlim(InFlight);
        var sends = new List<Task>(messages.Count);
        foreach (var message in messages)
        {
            await slots.WaitAsync(cancellationToken);
            sends.Add(SendAsync(channel, message, slots, cancellationToken));
        }

        await Task.WhenAll(sends);
    }

    /// <summary>Deletes a queue a floor filled, so that its messages do not weigh on the runs after it.</summary>
    public static async Task DeleteQueueAsync(BenchEnvironment environment, string queue, CancellationToken cancellationToken)
    {
        await using var connection = await Factory(environment).CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.QueueDeleteAsync(queue, cancellationToken: cancellationToken);
    }

    private static ConnectionFactory Factory(BenchEnvironment environment) => new()
    {
        HostName = environment.RabbitHost, Port = environment.RabbitPort,
        UserName = environment.RabbitUser, Password = environment.RabbitPassword,
    };

    private static async Task SendAsync(IChannel channel, Outgoing message, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            var properties = new BasicProperties { ContentType = "application/json", Persistent = true };
            await channel.BasicPublishAsync(message.Exchange, message.RoutingKey, mandatory: false, properties, message.Body, cancellationToken);
        }
        finally
        {
            slots.Release();
        }
    }
}

internal sealed record Outgoing(string Exchange, string RoutingKey, byte[] Body);
