using MiddleServerValidation.Processing;
using MiddleServerValidation.Processing.ResidentLookups;

namespace MiddleServerValidation.Worker.ResidentLookups;

/// <summary>Retries pending J-LIS lookups as they fall due, so Pending registrations get their final notice.</summary>
public sealed class PendingLookupService(
    PendingLookupRetrier retrier, ProcessingOptions options, ILogger<PendingLookupService> logger, PendingLookupMetrics metrics) : BackgroundService
{
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PendingLookupPollInterval);
        do
        {
            try
            {
                PendingRetryResult result;
                do
                {
                    result = await retrier.RetryDueAsync(BatchSize, stoppingToken);
                    metrics.Retried(result);
                }
                while (result.Claimed == BatchSize);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Retrying pending J-LIS lookups failed; trying again in {Interval}", options.PendingLookupPollInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
