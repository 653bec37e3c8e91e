using Npgsql;

namespace MiddleServerValidation.Reconciliation.Runs;

/// <summary>
/// The one-run-at-a-time guarantee: a session-level advisory lock held on a dedicated connection for the whole
/// run. A process that dies loses its connection and with it the lock, so the next run can resume its work.
/// </summary>
internal sealed class ReconciliationLock : IAsyncDisposable
{
    // The two-integer form lives in a key space of its own, apart from the per-number bigint locks.
    private const int LockClass = 0x6D7376; // "msv"
    private const int LockObject = 1;

    private readonly NpgsqlConnection _connection;

    private ReconciliationLock(NpgsqlConnection connection) => _connection = connection;

    /// <summary>The lock, or null when another process holds it.</summary>
    public static async Task<ReconciliationLock?> TryAcquireAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@class, @object)", connection);
            command.Parameters.AddWithValue("class", LockClass);
            command.Parameters.AddWithValue("object", LockObject);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new ReconciliationLock(connection);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@class, @object)", _connection);
            command.Parameters.AddWithValue("class", LockClass);
            command.Parameters.AddWithValue("object", LockObject);
            await command.ExecuteScalarAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The connection is gone, and the lock with it.
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
