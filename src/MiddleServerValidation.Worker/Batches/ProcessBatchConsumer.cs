using MassTransit;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.Processing.Batches;

namespace MiddleServerValidation.Worker.Batches;

/// <summary>
/// A batch file's claim check. Decides the batch for one slice of time; a batch not finished by then is handed
/// to a fresh claim check, so no delivery stays unacknowledged long enough to meet the broker's timeout.
/// A worker that is shutting down stops at the next chunk and hands over the same way. A delivery for a finished
/// batch, or one another worker is deciding, does nothing.
/// </summary>
public sealed class ProcessBatchConsumer(BatchProcessor processor, IHostApplicationLifetime lifetime) : IConsumer<ProcessBatch>
{
    public static Uri Address { get; } = new($"exchange:{QueueNames.Batches}");

    public async Task Consume(ConsumeContext<ProcessBatch> context)
    {
        var outcome = await processor.RunAsync(context.Message.BatchId, lifetime.ApplicationStopping, context.CancellationToken);
        if (outcome == BatchRunOutcome.SliceEnded)
        {
            var endpoint = await context.GetSendEndpoint(Address);
            // Not the consume token: the hand-over must go out even while the worker stops.
            await endpoint.Send(new ProcessBatch { BatchId = context.Message.BatchId }, CancellationToken.None);
        }
    }
}
