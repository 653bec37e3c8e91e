using System.Threading.Channels;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Processing.Registration;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MiddleServerValidation.Processing.Batches;

/// <summary>
/// Reads a claimed batch's staged rows in file order, chunk by chunk, and prepares each chunk (rows rejected up
/// front, validation, protection, history read, J-LIS) on its own task, a few chunks ahead of the one being decided.
/// </summary>
internal sealed class BatchChunkReader(
    NpgsqlDataSource dataSource, RegistrationProcessor processor, PersonalNumberProtector protector, BatchProcessingOptions options,
    TimeProvider clock, ILogger logger, BatchClaim claim)
{
    /// <summary>Reads the chunks after the checkpoint in order and starts preparing each, a few ahead of the one being decided.</summary>
    public async Task PrepareInOrderAsync(ChannelWriter<Task<BatchChunk>> writer, CancellationToken ct)
    {
        try
        {
            var after = claim.RowsDone;
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
                await writer.WriteAsync(Task.Run(() => PrepareAsync(rows, ct), CancellationToken.None), ct);
                after = rows[^1].RowNo;
            }

            writer.TryComplete();
        }
        catch (Exception e)
        {
            writer.TryComplete(e is OperationCanceledException && ct.IsCancellationRequested ? null : e);
        }
    }

    public async Task<BatchChunk> PrepareAsync(List<StagedRow> rows, CancellationToken ct)
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
}
