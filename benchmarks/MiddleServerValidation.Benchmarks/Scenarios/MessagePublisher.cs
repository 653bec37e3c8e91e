using RabbitMQ.Client;

namespace MiddleServerValidation.Benchmarks.Scenarios;

/// <summary>
/// Publishes plain JSON bodies straight to a queue, as an insurer's non-.NET system does, with publisher
/// confirms and many messages in flight, so the publisher is not what limits the rate.
/// </summary>
public static class MessagePublisher
{
    private const int InFlight = 1_000;

    public static async Task PublishAsync(BenchEnvironment environment, string queue, IReadOnlyList<byte[]> bodies, CancellationToken cancellationToken)
    {
        await using var connection = await Factory(environment).CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        using var slots = new SemaphoreSlim(InFlight);
        var sends = new List<Task>(bodies.Count);
        foreach (var body in bodies)
        {
            await slots.WaitAsync(cancellationToken);
            sends.Add(SendAsync(channel, queue, body, slots, cancellationToken));
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

    private static async Task SendAsync(IChannel channel, string queue, byte[] body, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            var properties = new BasicProperties { ContentType = "application/json", Persistent = true };
            await channel.BasicPublishAsync("", queue, mandatory: false, properties, body, cancellationToken);
        }
        finally
        {
            slots.Release();
        }
    }
}
