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
/// (numbers locked, history read once, J-LIS, decisions in memory). Records of a number an earlier chunk still holds
/// are deferred to the chunk's commit (<see cref="InFlightNumbers"/>).
/// </summary>
internal sealed class BatchChunkReader(
    NpgsqlDataSource dataSource, RegistrationIntake intake, DecisionStep step, PersonalNumberProtector protector, BatchProcessingOptions options,
    TimeProvider clock, ILogger logger, BatchClaim claim)
{
    private readonly ChunkOptions _chunkOptions = new() { WriteNotices = options.RowNotices };
    private readonly InFlightNumbers _inFlight = new();

    /// <summary>Reads the chunks after the checkpoint in order and starts preparing each, a few ahead of the one being written.</summary>
    public async Task PrepareInOrderAsync(ChannelWriter<Task<BatchChunk>> writer, CancellationToken ct)
    {
        try
        {
            var after = claim.RowsDone;
            var previousEntered = Task.CompletedTask;
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
                var (enterAfter, entered) = (previousEntered, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                previousEntered = entered.Task;
                await writer.WriteAsync(Task.Run(() => PrepareAsync(rows, enterAfter, entered, ct), CancellationToken.None), ct);
                after = rows[^1].RowNo;
            }

            writer.TryComplete();
        }
        catch (Exception e)
        {
            writer.TryComplete(e is OperationCanceledException && ct.IsCancellationRequested ? null : e);
        }
    }

    /// <param name="enterAfter">The previous chunk has entered its numbers in flight: this chunk enters after it, never before.</param>
    /// <param name="entered">Set once this chunk has entered (or failed before), for the next chunk.</param>
    public async Task<BatchChunk> PrepareAsync(List<StagedRow> rows, Task enterAfter, TaskCompletionSource entered, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var rejected = new BatchRowResult?[rows.Count];
        var items = new List<PreparedRegistration>(rows.Count);
        var decided = new List<int>(rows.Count);
        (IReadOnlySet<string> Held, IDisposable Registration) entry;
        try
        {
            for (var i = 0; i < rows.Count; i++)
            {
                if (BatchRows.Read(rows[i], claim, protector, out rejected[i]) is not { } message)
                {
                    continue;
                }

                // The API key authenticated the caller: a row naming another insurer is refused, not stored.
                items.Add(intake.Prepare(message, claim.InsurerNumber, rows[i].PersonalNumberCipher));
                decided.Add(i);
            }

            // In file order: a chunk sees the numbers of every earlier chunk still in flight as held.
            await enterAfter.WaitAsync(ct);
            entry = _inFlight.Enter(items.SelectMany(i => i.InFlightKeys()));
        }
        finally
        {
            entered.TrySetResult();
        }

        var (held, inFlight) = entry;
        try
        {
            var open = await step.OpenAsync(items, _chunkOptions, ct, held);
            var chunk = new BatchChunk(rows, rejected, [.. decided], open, inFlight);
            logger.LogDebug("Batch {BatchId}: rows {From}-{To} prepared in {Ms:0} ms ({Deferred} numbers deferred to the commit)", claim.BatchId,
                chunk.FirstRowNo, chunk.LastRowNo, clock.GetElapsedTime(started).TotalMilliseconds, held.Count);
            return chunk;
        }
        catch
        {
            inFlight.Dispose();
            throw;
        }
    }
}
