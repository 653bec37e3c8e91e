using Npgsql;

namespace MiddleServerValidation.Processing.Storage;

/// <summary>
/// Transaction-scoped advisory locks, one per personal-number key, taken in ascending order so that two workers never deadlock and never decide the same number at once.
/// </summary>
internal static class RegistrationLocks
{
    public static async Task AcquireAsync(NpgsqlConnection connection, IEnumerable<long> keys, CancellationToken cancellationToken)
    {
        var sorted = keys.Distinct().Order().ToArray();
        if (sorted.Length == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            "SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT k FROM unnest(@keys) AS k ORDER BY k) AS ordered", connection);
        command.Parameters.AddWithValue("keys", sorted);
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
