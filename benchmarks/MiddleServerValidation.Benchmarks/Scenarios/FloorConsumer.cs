using System.Diagnostics;
using MassTransit;
using MiddleServerValidation.Contracts;

namespace MiddleServerValidation.Benchmarks.Scenarios;

/// <summary>
/// A consumer with the worker's endpoint settings (quorum queue, plain JSON, prefetch and concurrency 1000) that does
/// only what a floor says, fed by the same publisher and timed until it has handled every message.
/// </summary>
internal static class FloorConsumer
{
    /// <param name="publisherConfirmation">Set for a floor that sends; null leaves MassTransit's default.</param>
    public static async Task<double> MessagesPerSecondAsync(
        BenchEnvironment environment, string queue, IReadOnlyList<byte[]> bodies, bool? publisherConfirmation,
        Func<ConsumeContext<RegisterEnrollee>, Task> handle, CancellationToken cancellationToken)
    {
        long handled = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(environment.RabbitHost, (ushort)environment.RabbitPort, "/", host =>
            {
                host.Username(environment.RabbitUser);
                host.Password(environment.RabbitPassword);
                if (publisherConfirmation is { } confirm)
                {
                    host.PublisherConfirmation = confirm;
                }
            });
            cfg.ReceiveEndpoint(queue, endpoint =>
            {
                endpoint.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
                endpoint.PrefetchCount = 1_000;
                endpoint.ConcurrentMessageLimit = 1_000;
                endpoint.SetQuorumQueue();
                endpoint.Handler<RegisterEnrollee>(async context =>
                {
                    await handle(context);
                    if (Interlocked.Increment(ref handled) == bodies.Count)
                    {
                        all.TrySetResult();
                    }
                });
            });
        });

        await bus.StartAsync(cancellationToken);
        try
        {
            var clock = Stopwatch.StartNew();
            await MessagePublisher.PublishAsync(environment, queue, bodies, cancellationToken);
            await all.Task.WaitAsync(TimeSpan.FromMinutes(30), cancellationToken);
            return bodies.Count / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }
}
