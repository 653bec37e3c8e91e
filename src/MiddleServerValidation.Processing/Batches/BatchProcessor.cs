using System.Collections.Concurrent;
using System.Threading.Channels;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Processing.Registration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MiddleServerValidation.Processing.Batches;

/// <summary>
/// Decides an uploaded batch file through the one registration path, chunk by chunk in file order, as if its
/// rows had arrived one by one. Each chunk's registrations, results and checkpoint commit in one transaction,
/// so a crash resumes at the next chunk and no row is decided twice. The next chunks are read, validated and
/// looked up in J-LIS while the current one is decided.
/// </summary>
public sealed class BatchProcessor(
    NpgsqlDataSource dataSource,
    RegistrationProcessor processor,
    PersonalNumberProtector protector,
    IOptions<BatchProcessingOptions> options,
    TimeProvider clock,
    ILogger<BatchProcessor> logger)
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
        try
        {
            outcome = await DecideInOrderAsync(claim, started, stopping, ct);
        }
        finally
        {
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

    private async Task<BatchRunOutcome> DecideInOrderAsync(BatchClaim claim, long started, CancellationToken stopping, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // Chunks are prepared concurrently (their history reads and J-LIS calls overlap) but decided in order.
        var chunks = Channel.CreateBounded<Task<BatchChunk>>(_options.PrepareAhead);
        var producer = Task.Run(() => PrepareInOrderAsync(claim, chunks.Writer, stop.Token), CancellationToken.None);
        try
        {
            var done = claim.RowsDone;
            await foreach (var preparing in chunks.Reader.ReadAllAsync(ct))
            {
                done = await DecideAsync(claim, await preparing, done, ct);
                if (done >= claim.TotalRows)
                {
                    return BatchRunOutcome.Completed;
                }

                if (stopping.IsCancellationRequested || clock.GetElapsedTime(started) >= _options.SliceDuration)
                {
                    return BatchRunOutcome.SliceEnded;
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
                // Prepared for nothing: the run ended first. Its failure, if any, is not this run's.
                await abandoned.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Reads the chunks after the checkpoint in order and starts preparing each, a few ahead of the one being decided.</summary>
    private async Task PrepareInOrderAsync(BatchClaim claim, ChannelWriter<Task<BatchChunk>> writer, CancellationToken ct)
    {
        try
        {
            var after = claim.RowsDone;
            while (true)
            {
                List<StagedRow> rows;
                await using (var connection = await dataSource.OpenConnectionAsync(ct))
                {
                    rows = await BatchQueries.ReadStagedAsync(connection, claim.BatchId, after, _options.ChunkSize, ct);
                }

                if (rows.Count == 0)
                {
                    break;
                }

                // Waits for a free place first, so at most PrepareAhead chunks are prepared or waiting at once.
                await writer.WaitToWriteAsync(ct);
                await writer.WriteAsync(Task.Run(() => PrepareAsync(claim, rows, ct), CancellationToken.None), ct);
                after = rows[^1].RowNo;
            }

            writer.TryComplete();
        }
        catch (Exception e)
        {
            writer.TryComplete(e is OperationCanceledException && ct.IsCancellationRequested ? null : e);
        }
    }

    private async Task<BatchChunk> PrepareAsync(BatchClaim claim, List<StagedRow> rows, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var rejected = new BatchRowResult?[rows.Count];
        var messages = new List<RegisterEnrollee>(rows.Count);
        var decided = new List<int>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (BatchRows.Read(rows[i], claim, protector, out rejected[i]) is { } message)
            {
                messages.Add(message);
                decided.Add(i);
            }
        }

        var prepared = new BatchChunk(rows, rejected, [.. decided], await processor.PrepareAsync(messages, ct));
        logger.LogDebug("Batch {BatchId}: rows {From}-{To} prepared in {Ms:0} ms", claim.BatchId, prepared.FirstRowNo, prepared.LastRowNo,
            clock.GetElapsedTime(started).TotalMilliseconds);
        return prepared;
    }

    /// <summary>Decides a chunk; when the database refuses it for a reason other than load, row by row, so one bad row cannot stop the file.</summary>
    private async Task<int> DecideAsync(BatchClaim claim, BatchChunk chunk, int previous, CancellationToken ct)
    {
        if (chunk.FirstRowNo != previous + 1)
        {
            throw new InvalidOperationException($"Batch {claim.BatchId}: chunk starts at row {chunk.FirstRowNo}, expected {previous + 1}.");
        }

        try
        {
            var started = clock.GetTimestamp();
            await processor.DecideAsync(chunk.Prepared, Options(claim, chunk, previous), ct);
            logger.LogDebug("Batch {BatchId}: rows {From}-{To} decided in {Ms:0} ms", claim.BatchId, chunk.FirstRowNo, chunk.LastRowNo,
                clock.GetElapsedTime(started).TotalMilliseconds);
            return chunk.LastRowNo;
        }
        catch (Exception e) when (IsRowFault(e, ct) && chunk.Rows.Count > 1)
        {
            logger.LogWarning(e, "Batch {BatchId}: rows {From}-{To} failed together; deciding them one by one", claim.BatchId, chunk.FirstRowNo, chunk.LastRowNo);
            var done = previous;
            foreach (var row in chunk.Rows)
            {
                done = await DecideAloneAsync(claim, row, done, ct);
            }

            return done;
        }
    }

    private async Task<int> DecideAloneAsync(BatchClaim claim, StagedRow row, int previous, CancellationToken ct)
    {
        var chunk = await PrepareAsync(claim, [row], ct);
        try
        {
            await processor.DecideAsync(chunk.Prepared, Options(claim, chunk, previous), ct);
        }
        catch (Exception e) when (IsRowFault(e, ct))
        {
            logger.LogError(e, "Batch {BatchId}: row {RowNo} (line {LineNo}) cannot be stored; answered Rejected", claim.BatchId, row.RowNo, row.LineNo);
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await CommitResultsAsync(connection, claim, previous, [BatchRowResult.Rejected(row, [BatchRows.Unstorable])], ct);
            await transaction.CommitAsync(ct);
        }

        return row.RowNo;
    }

    private ChunkOptions Options(BatchClaim claim, BatchChunk chunk, int previous) => new()
    {
        WriteNotices = _options.RowNotices,
        BeforeCommit = async (connection, results, token) =>
            await CommitResultsAsync(connection, claim, previous, await BatchResults.OfAsync(connection, claim, chunk, results, token), token),
    };

    /// <summary>The checkpoint first: a claim lost to another worker stops here, before anything is written twice.</summary>
    private async Task CommitResultsAsync(NpgsqlConnection connection, BatchClaim claim, int previous, BatchRowResult[] results, CancellationToken ct)
    {
        await BatchQueries.CheckpointAsync(connection, claim, previous, results[^1].RowNo, OutcomeCounts.Of(results), _options.LeaseDuration, ct);
        await BatchRowResult.WriteAsync(connection, claim.BatchId, results, ct);
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

    /// <summary>A fault of the rows themselves, not of the database's availability, a cancellation, or a lost claim.</summary>
    private static bool IsRowFault(Exception e, CancellationToken ct) => e switch
    {
        OperationCanceledException when ct.IsCancellationRequested => false,
        BatchLeaseLostException or TimeoutException => false,
        NpgsqlException { IsTransient: true } => false,
        _ => true,
    };
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
