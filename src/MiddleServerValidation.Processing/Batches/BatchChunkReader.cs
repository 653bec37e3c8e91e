using System.Threading.Channels;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Processing.Decisions;
using MiddleServerValidation.Processing.Intake;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MiddleServerValidation.Processing.Batches;

/// <summary>
/// Reads a claimed batch's staged rows in file order, chunk by chunk, and prepares each chunk on its own task, a few
/// ahead of the one being written: rows rejected up front, the intake (each field read once), then the decision step
/// (numbers locked in chunk order, history read once, J-LIS, decisions in memory).
/// </summary>
internal sealed class BatchChunkReader(
    NpgsqlDataSource dataSource, RegistrationIntake intake, DecisionStep step, PersonalNumberProtector protector, BatchProcessingOptions options,
    TimeProvider clock, ILogger logger, BatchClaim claim)
{
    private readonly ChunkOptions _chunkOptions = new() { WriteNotices = options.RowNotices };

    /// <summary>Reads the chunks after the checkpoint in order and starts preparing each, a few ahead of the one being written.</summary>
    public async Task PrepareInOrderAsync(ChannelWriter<Task<BatchChunk>> writer, CancellationToken ct)
    {
        try
        {
            var after = claim.RowsDone;
            Task previousLocked = Task.CompletedTask;
            while (true)
            {
                List<StagedRow> rows;
                await using (var connection = await dataSource.OpenConnectionAsync(ct))
                {
                    rows = await BatchQueries.ReadStagedAsync(connection, claim.BatchId, after, options.ChunkSize, ct);
                }

                if (rows.Count == 0)
                {
                    break;
                }

                // Waits for a free place first, so at most PrepareAhead chunks are prepared or waiting at once.
                await writer.WaitToWriteAsync(ct);
                var (lockAfter, locked) = (previousLocked, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                previousLocked = locked.Task;
                await writer.WriteAsync(Task.Run(() => PrepareAsync(rows, lockAfter, locked, ct), CancellationToken.None), ct);
                after = rows[^1].RowNo;
            }

            writer.TryComplete();
        }
        catch (Exception e)
        {
            writer.TryComplete(e is OperationCanceledException && ct.IsCancellationRequested ? null : e);
        }
    }

    /// <param name="lockAfter">The previous chunk's locks are taken: this chunk's are taken after them, never before.</param>
    /// <param name="locked">Set once this chunk's locks are taken (or it failed before), for the next chunk.</param>
    public async Task<BatchChunk> PrepareAsync(List<StagedRow> rows, Task lockAfter, TaskCompletionSource locked, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var rejected = new BatchRowResult?[rows.Count];
        var items = new List<PreparedRegistration>(rows.Count);
        var decided = new List<int>(rows.Count);
        try
        {
            for (var i = 0; i < rows.Count; i++)
            {
                if (BatchRows.Read(rows[i], claim, protector, out rejected[i]) is not { } message)
                {
                    continue;
                }

                var item = intake.Prepare(message, rows[i].PersonalNumberCipher);
                if ((rejected[i] = BatchRows.OtherInsurer(rows[i], item.Key, claim)) is null)
                {
                    items.Add(item);
                    decided.Add(i);
                }
            }
        }
        catch
        {
            locked.TrySetResult();
            throw;
        }

        var open = await step.OpenAsync(items, _chunkOptions, ct, lockAfter, locked);
        var chunk = new BatchChunk(rows, rejected, [.. decided], open);
        logger.LogDebug("Batch {BatchId}: rows {From}-{To} prepared in {Ms:0} ms", claim.BatchId, chunk.FirstRowNo, chunk.LastRowNo,
            clock.GetElapsedTime(started).TotalMilliseconds);
        return chunk;
    }
}
