using Npgsql;

namespace MiddleServerValidation.Processing.Storage;

/// <summary>
/// A connection whose session holds the advisory locks of a set of personal numbers: from the history read, through
/// any J-LIS question (no transaction open meanwhile), to the commit of what was decided. Nobody else can change those
/// numbers' history in between, so the history is read once. Disposing releases the locks and the connection.
/// </summary>
public sealed class LockedNumbers : IAsyncDisposable
{
    private LockedNumbers(NpgsqlConnection connection) => Connection = connection;

    public NpgsqlConnection Connection { get; }

    public static async Task<LockedNumbers> AcquireAsync(NpgsqlDataSource dataSource, IEnumerable<byte[]> numberKeys, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        var locked = new LockedNumbers(connection);
        try
        {
            await NumberLocks.AcquireForSessionAsync(connection, numberKeys, ct);
            return locked;
        }
        catch
        {
            // A cancelled wait may leave the locks taken before it: release them before the connection goes back to the pool.
            await locked.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Explicitly: the pool resets a connection only when it is next used, and would keep the locks until then.
            await NumberLocks.ReleaseAllAsync(Connection, CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // The session is broken, and its locks went with it; Npgsql does not pool a broken connection.
        }

        await Connection.DisposeAsync();
    }
}
