using System.Collections.Concurrent;
using System.Threading.Channels;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Processing.Decisions;
using MiddleServerValidation.Processing.Intake;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MiddleServerValidation.Processing.Batches;

/// <summary>
/// Decides an uploaded batch file through the decision step, chunk by chunk in file order, as if its rows had arrived
/// one by one. Each chunk's registrations, results and checkpoint commit in one transaction, so a crash resumes at the
/// next chunk and no row is decided twice. The next chunks are read, locked, looked up and decided in memory while the
/// current one is written.
/// </summary>
public sealed class BatchProcessor(
    NpgsqlDataSource dataSource,
    RegistrationIntake intake,
    DecisionStep step,
    PersonalNumberProtector protector,
    IOptions<BatchProcessingOptions> options,
    TimeProvider clock,
    ILogger<BatchProcessor> logger,
    BatchMetrics metrics)
{
    private readonly BatchProcessingOptions _options = options.Value;

    // One owner per process: a retried delivery in this process can take its own claim back at once.
    private readonly Guid _owner = Guid.CreateVersion7();
    private readonly ConcurrentDictionary<Guid, byte> _running = new();

    /// <param name="stopping">Ends the run at the next chunk boundary (the host is shutting down): what is done stays done.</param>
    /// <param name="cancellationToken">Abandons the chunk in flight; it is rolled back and decided again later.</param>
    public async Task<BatchRunOutcome> RunAsync(Guid batchId, CancellationToken stopping, CancellationToken cancellationToken)
    {
        if (!_running.TryAdd(batchId, 0))
        {
            return BatchRunOutcome.NotClaimed;
        }

        try
        {
            return await RunClaimedAsync(batchId, stopping, cancellationToken);
        }
        finally
        {
            _running.TryRemove(batchId, out _);
        }
    }

    private async Task<BatchRunOutcome> RunClaimedAsync(Guid batchId, CancellationToken stopping, CancellationToken ct)
    {
        BatchClaim? claim;
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            claim = await BatchQueries.ClaimAsync(connection, batchId, _owner, _options.LeaseDuration, ct);
            if (claim is null)
            {
                // Finished (perhaps by a worker that died before cleaning up), or another worker's for now.
                await BatchQueries.DeleteStagedIfCompletedAsync(connection, batchId, ct);
                return BatchRunOutcome.NotClaimed;
            }
        }

        logger.LogInformation("Batch {BatchId}: deciding rows {From} to {Total}", batchId, claim.RowsDone + 1, claim.TotalRows);
        var started = clock.GetTimestamp();
        var outcome = BatchRunOutcome.SliceEnded;
        var rowsDone = claim.RowsDone;
        try
        {
            (outcome, rowsDone) = await DecideInOrderAsync(claim, started, stopping, ct);
        }
        finally
        {
            metrics.RunEnded(rowsDone - claim.RowsDone, clock.GetElapsedTime(started));
            if (outcome != BatchRunOutcome.Completed)
            {
                await ReleaseAsync(claim);
            }
        }

        if (outcome == BatchRunOutcome.Completed)
        {
            var seconds = clock.GetElapsedTime(started).TotalSeconds;
            logger.LogInformation("Batch {BatchId}: completed, {Rows} rows in {Seconds:0.0} s", batchId, claim.TotalRows - claim.RowsDone, seconds);
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await BatchQueries.DeleteStagedAsync(connection, batchId, ct);
        }

        return outcome;
    }

    private async Task<(BatchRunOutcome Outcome, int RowsDone)> DecideInOrderAsync(BatchClaim claim, long started, CancellationToken stopping, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reader = new BatchChunkReader(dataSource, intake, step, protector, _options, clock, logger, claim);
        var decider = new BatchChunkDecider(_options, clock, logger, claim, metrics);
        // Chunks are prepared concurrently (their history reads and J-LIS calls overlap) but written in order.
        var chunks = Channel.CreateBounded<Task<BatchChunk>>(_options.PrepareAhead);
        var producer = Task.Run(() => reader.PrepareInOrderAsync(chunks.Writer, stop.Token), CancellationToken.None);
        try
        {
            var done = claim.RowsDone;
            await foreach (var preparing in chunks.Reader.ReadAllAsync(ct))
            {
                await using (var chunk = await preparing)
                {
                    // Disposed at once: its number locks are what a later chunk sharing a number waits for.
                    done = await decider.DecideAsync(chunk, done, ct);
                }

                if (done >= claim.TotalRows)
                {
                    return (BatchRunOutcome.Completed, done);
                }

                if (stopping.IsCancellationRequested || clock.GetElapsedTime(started) >= _options.SliceDuration)
                {
                    return (BatchRunOutcome.SliceEnded, done);
                }
            }

            throw new InvalidOperationException($"Batch {claim.BatchId} has {done} of {claim.TotalRows} rows decided but no more staged rows.");
        }
        finally
        {
            await stop.CancelAsync();
            await producer;
            while (chunks.Reader.TryRead(out var abandoned))
            {
                // Prepared for nothing: the run ended first. Its locks are released; its failure, if any, is not this run's.
                await abandoned.ContinueWith(static async prepared =>
                {
                    if (prepared.IsCompletedSuccessfully)
                    {
                        await prepared.Result.DisposeAsync();
                    }
                }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            }
        }
    }

    private async Task ReleaseAsync(BatchClaim claim)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
            await BatchQueries.ReleaseAsync(connection, claim, CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // The claim then runs out by itself after Batches:LeaseDuration.
            logger.LogWarning(e, "Batch {BatchId}: could not release the claim", claim.BatchId);
        }
    }
}

public enum BatchRunOutcome
{
    /// <summary>Every row has its result.</summary>
    Completed,

    /// <summary>This delivery's time is up, or its worker is stopping; the batch continues with a new claim check.</summary>
    SliceEnded,

    /// <summary>Nothing to do here: the batch is finished, unknown, or another worker is deciding it.</summary>
    NotClaimed,
}
