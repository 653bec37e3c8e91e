using System.Diagnostics;
using MassTransit;
using MiddleServerValidation.Contracts;

namespace MiddleServerValidation.Benchmarks.Scenarios;

/// <summary>
/// The floor of the message path: a MassTransit consumer that does nothing, on the same broker, with the
/// worker's endpoint settings (quorum queue, plain JSON, prefetch and concurrency 1000), fed by the same publisher.
/// </summary>
public static class NoOpTransportFloor
{
    private const string Queue = "bench-noop";

    public static async Task<double> MessagesPerSecondAsync(BenchEnvironment environment, IReadOnlyList<byte[]> bodies, CancellationToken cancellationToken)
    {
        long consumed = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(environment.RabbitHost, (ushort)environment.RabbitPort, "/", host =>
            {
                host.Username(environment.RabbitUser);
                host.Password(environment.RabbitPassword);
            });
            cfg.ReceiveEndpoint(Queue, endpoint =>
            {
                endpoint.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
                endpoint.PrefetchCount = 1_000;
                endpoint.ConcurrentMessageLimit = 1_000;
                endpoint.SetQuorumQueue();
                endpoint.Handler<RegisterEnrollee>(_ =>
                {
                    if (Interlocked.Increment(ref consumed) == bodies.Count)
                    {
                        all.TrySetResult();
                    }

                    return Task.CompletedTask;
                });
            });
        });

        await bus.StartAsync(cancellationToken);
        try
        {
            var clock = Stopwatch.StartNew();
            await MessagePublisher.PublishAsync(environment, Queue, bodies, cancellationToken);
            await all.Task.WaitAsync(TimeSpan.FromMinutes(30), cancellationToken);
            return bodies.Count / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }
}
