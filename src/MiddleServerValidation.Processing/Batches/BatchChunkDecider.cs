using MiddleServerValidation.Processing.Decisions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MiddleServerValidation.Processing.Batches;

/// <summary>
/// Commits a decided chunk and, in the same transaction, the batch's checkpoint and the chunk's result lines. A chunk
/// the database refuses for another reason than its availability is committed row by row, and a row refused alone is
/// answered Rejected.
/// </summary>
internal sealed class BatchChunkDecider(BatchProcessingOptions options, TimeProvider clock, ILogger logger, BatchClaim claim, BatchMetrics metrics)
{
    /// <summary>Commits a chunk; when the database refuses it for a reason other than load, row by row, so one bad row cannot stop the file.</summary>
    public async Task<int> DecideAsync(BatchChunk chunk, int previous, CancellationToken ct)
    {
        if (chunk.FirstRowNo != previous + 1)
        {
            throw new InvalidOperationException($"Batch {claim.BatchId}: chunk starts at row {chunk.FirstRowNo}, expected {previous + 1}.");
        }

        using var span = metrics.StartChunk(claim.BatchId, chunk.FirstRowNo, chunk.LastRowNo);
        try
        {
            var started = clock.GetTimestamp();
            BatchRowResult[] committed = [];
            await chunk.Open.CommitAsync(async (connection, results, token) =>
            {
                var lines = await BatchResults.OfAsync(connection, claim, chunk, results, token);
                committed = lines;
                await CommitResultsAsync(connection, previous, lines, token);
                if (lines[^1].RowNo < claim.TotalRows)
                {
                    // A chunk lost in a database crash is lost together with its checkpoint and is decided again from the
                    // stored rows, so its commit need not wait for the disk. The chunk that completes the batch does.
                    await using var relax = new NpgsqlCommand("SET LOCAL synchronous_commit = off", connection);
                    await relax.ExecuteNonQueryAsync(token);
                }
            }, ct);
            metrics.Committed(committed, clock.GetElapsedTime(started));
            logger.LogDebug("Batch {BatchId}: rows {From}-{To} committed in {Ms:0} ms", claim.BatchId, chunk.FirstRowNo, chunk.LastRowNo,
                clock.GetElapsedTime(started).TotalMilliseconds);
            return chunk.LastRowNo;
        }
        catch (Exception e) when (IsRowFault(e, ct) && chunk.Rows.Count > 1)
        {
            span?.AddEvent(new System.Diagnostics.ActivityEvent("committing row by row"));
            logger.LogWarning(e, "Batch {BatchId}: rows {From}-{To} failed together; deciding them one by one", claim.BatchId, chunk.FirstRowNo, chunk.LastRowNo);
            return await DecideRowByRowAsync(chunk, previous, ct);
        }
    }

    private async Task<int> DecideRowByRowAsync(BatchChunk chunk, int previous, CancellationToken ct)
    {
        var itemOfRow = new Dictionary<int, int>();
        for (var k = 0; k < chunk.Decided.Length; k++)
        {
            itemOfRow[chunk.Decided[k]] = k;
        }

        var done = previous;
        for (var i = 0; i < chunk.Rows.Count; i++)
        {
            var (row, before, started) = (chunk.Rows[i], done, clock.GetTimestamp());
            BatchRowResult? line = null;
            if (chunk.Rejected[i] is { } rejected)
            {
                line = rejected;
                await chunk.Open.InTransactionAsync((connection, token) => CommitResultsAsync(connection, before, [rejected], token), ct);
            }
            else if (await chunk.Open.CommitOneAsync(itemOfRow[i], async (result, connection, token) =>
                         await CommitResultsAsync(connection, before, [line = await BatchResults.OfRowAsync(connection, claim, row, result, token)], token),
                         e => IsRowFault(e, ct), ct) is null)
            {
                logger.LogError("Batch {BatchId}: row {RowNo} (line {LineNo}) cannot be stored; answered Rejected", claim.BatchId, row.RowNo, row.LineNo);
                line = BatchRowResult.Rejected(row, [BatchRows.Unstorable]);
                var unstorable = line;
                await chunk.Open.InTransactionAsync((connection, token) => CommitResultsAsync(connection, before, [unstorable], token), ct);
            }

            // Set on each path above: by the commit callback when the row was stored.
            metrics.Committed([line!], clock.GetElapsedTime(started));
            done = row.RowNo;
        }

        return done;
    }

    /// <summary>The checkpoint first: a claim lost to another worker stops here, before anything is written twice.</summary>
    private async Task CommitResultsAsync(NpgsqlConnection connection, int previous, BatchRowResult[] results, CancellationToken ct)
    {
        await BatchQueries.CheckpointAsync(connection, claim, previous, results[^1].RowNo, OutcomeCounts.Of(results), options.LeaseDuration, ct);
        await BatchRowResult.WriteAsync(connection, claim.BatchId, results, ct);
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
