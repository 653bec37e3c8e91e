using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Npgsql;

namespace MiddleServerValidation.Reconciliation.Recheck;

/// <summary>Numbers to re-check, with their registrations and stored findings, one batch at a time.</summary>
/// <param name="Checkpoint">The key up to which the store is covered once this batch is committed.</param>
internal sealed record RecheckBatch(List<RecheckGroup> Groups, Dictionary<Guid, List<StoredFindingRef>> Findings, byte[] Checkpoint);

internal static class RecheckReader
{
    /// <summary>
    /// Reads the store in key order after <paramref name="after"/>. The next batch is read while the caller
    /// decides and writes the current one, so the database and the rules work at the same time.
    /// </summary>
    public static async IAsyncEnumerable<RecheckBatch> ReadAsync(
        NpgsqlDataSource dataSource, byte[] after, int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<RecheckBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(() => ProduceAsync(dataSource, after, batchSize, channel.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return batch;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await producer.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }

        // Surfaces the producer's failure; reached only when the channel completed.
        await producer;
    }

    private static async Task ProduceAsync(
        NpgsqlDataSource dataSource, byte[] after, int batchSize, ChannelWriter<RecheckBatch> writer, CancellationToken ct)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            while (true)
            {
                var (keys, upper) = await RecheckQueries.NextKeysAsync(connection, after, batchSize, ct);
                var groups = keys.Count == 0 ? [] : await RecheckQueries.LoadGroupsAsync(connection, keys, ct);
                var ids = groups.SelectMany(g => g.Rows).Select(r => r.Id).ToArray();
                var findings = ids.Length == 0 ? [] : await RecheckQueries.LoadFindingsAsync(connection, ids, ct);
                after = upper ?? (keys.Count > 0 ? keys[^1] : after);
                await writer.WriteAsync(new RecheckBatch(groups, findings, after), ct);
                if (upper is null)
                {
                    break;
                }
            }

            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
            throw;
        }
    }
}
