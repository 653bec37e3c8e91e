using MassTransit;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.Processing.Batches;
using Microsoft.Extensions.Options;

namespace MiddleServerValidation.Worker.Batches;

/// <summary>
/// Sends a claim check again for every unfinished batch nobody is deciding: at start-up (a batch uploaded while
/// no worker ran, or left by a worker that died), then for batches idle for a whole interval. A duplicate claim
/// check is harmless: the batch's claim and checkpoint let only one worker decide each row, once.
/// </summary>
public sealed class BatchRecoveryService(
    BatchRecovery recovery, IBus bus, IOptions<BatchProcessingOptions> options, ILogger<BatchRecoveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RecoveryInterval;
        var idleFor = TimeSpan.Zero;
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                var idle = await recovery.TakeIdleAsync(idleFor, stoppingToken);
                if (idle.Count > 0)
                {
                    var endpoint = await bus.GetSendEndpoint(ProcessBatchConsumer.Address);
                    await Task.WhenAll(idle.Select(id => endpoint.Send(new ProcessBatch { BatchId = id }, stoppingToken)));
                    logger.LogInformation("Sent claim checks again for {Count} idle batches", idle.Count);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Looking for idle batches failed; trying again in {Interval}", interval);
            }

            idleFor = interval;
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
