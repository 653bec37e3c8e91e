using Npgsql;

namespace MiddleServerValidation.Processing.Batches;

/// <summary>
/// Finds the batches that need a claim check again: their message was lost (sent before any worker declared the
/// queue, or dropped by the broker), or the worker deciding them died and its claim ran out.
/// </summary>
public sealed class BatchRecovery(NpgsqlDataSource dataSource)
{
    /// <summary>Unfinished, unclaimed batches idle for <paramref name="idleFor"/>; each is handed to one caller per interval.</summary>
    public async Task<IReadOnlyList<Guid>> TakeIdleAsync(TimeSpan idleFor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await BatchQueries.TakeIdleAsync(connection, idleFor, cancellationToken);
    }
}
