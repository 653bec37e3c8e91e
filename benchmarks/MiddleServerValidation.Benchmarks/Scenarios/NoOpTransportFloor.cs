namespace MiddleServerValidation.Benchmarks.Scenarios;

/// <summary>
/// The floor of the message path: a MassTransit consumer that does nothing, on the same broker, with the
/// worker's endpoint settings (quorum queue, plain JSON, prefetch and concurrency 1000), fed by the same publisher.
/// </summary>
public static class NoOpTransportFloor
{
    public static Task<double> MessagesPerSecondAsync(BenchEnvironment environment, IReadOnlyList<byte[]> bodies, CancellationToken cancellationToken) =>
        FloorConsumer.MessagesPerSecondAsync(environment, "bench-noop", bodies, publisherConfirmation: null, _ => Task.CompletedTask, cancellationToken);
}
