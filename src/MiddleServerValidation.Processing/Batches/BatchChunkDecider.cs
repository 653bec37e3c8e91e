using MiddleServerValidation.Processing.Registration;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MiddleServerValidation.Processing.Batches;

/// <summary>
/// Decides a prepared chunk through the registration path and commits, in the same transaction, the batch's
/// checkpoint and the chunk's result lines. A chunk the database refuses for another reason than its
/// availability is decided row by row, and a row refused alone is answered Rejected.
/// </summary>
internal sealed class BatchChunkDecider(
    NpgsqlDataSource dataSource, RegistrationProcessor processor, BatchProcessingOptions options, TimeProvider clock, ILogger logger,
    BatchClaim claim, BatchChunkReader reader)
{
    /// <summary>Decides a chunk; when the database refuses it for a reason other than load, row by row, so one bad row cannot stop the file.</summary>
    public async Task<int> DecideAsync(BatchChunk chunk, int previous, CancellationToken ct)
    {
        if (chunk.FirstRowNo != previous + 1)
        {
            throw new InvalidOperationException($"Batch {claim.BatchId}: chunk starts at row {chunk.FirstRowNo}, expected {previous + 1}.");
        }

        try
        {
            var started = clock.GetTimestamp();
            await processor.DecideAsync(chunk.Prepared, Options(chunk, previous), ct);
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
                done = await DecideAloneAsync(row, done, ct);
            }

            return done;
        }
    }

    private async Task<int> DecideAloneAsync(StagedRow row, int previous, CancellationToken ct)
    {
        var chunk = await reader.PrepareAsync([row], ct);
        try
        {
            await processor.DecideAsync(chunk.Prepared, Options(chunk, previous), ct);
        }
        catch (Exception e) when (IsRowFault(e, ct))
        {
            logger.LogError(e, "Batch {BatchId}: row {RowNo} (line {LineNo}) cannot be stored; answered Rejected", claim.BatchId, row.RowNo, row.LineNo);
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await CommitResultsAsync(connection, previous, [BatchRowResult.Rejected(row, [BatchRows.Unstorable])], ct);
            await transaction.CommitAsync(ct);
        }

        return row.RowNo;
    }

    private ChunkOptions Options(BatchChunk chunk, int previous) => new()
    {
        WriteNotices = options.RowNotices,
        BeforeCommit = async (connection, results, token) =>
        {
            var lines = await BatchResults.OfAsync(connection, claim, chunk, results, token);
            await CommitResultsAsync(connection, previous, lines, token);
            if (lines[^1].RowNo < claim.TotalRows)
            {
                // A chunk lost in a database crash is lost together with its checkpoint and is decided again from
                // the stored rows, so its commit need not wait for the disk. The chunk that completes the batch does.
                await using var relax = new NpgsqlCommand("SET LOCAL synchronous_commit = off", connection);
                await relax.ExecuteNonQueryAsync(token);
            }
        },
    };

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
