using MiddleServerValidation.Persistence.PersonalData;
using Npgsql;

namespace MiddleServerValidation.Processing.Storage;

/// <summary>
/// Advisory locks, one per personal-number key, taken in ascending order so that two holders never deadlock and never
/// decide the same number at once. Everything that changes a number's history takes them: deciding a registration,
/// a pending J-LIS retry, the re-check's writes.
/// </summary>
public static class NumberLocks
{
    private const string AcquireOrdered = "SELECT count({0}(k)) FROM (SELECT k FROM unnest(@keys) AS k ORDER BY k) AS ordered";

    /// <summary>Held until the caller's transaction ends.</summary>
    public static Task AcquireForTransactionAsync(NpgsqlConnection connection, IEnumerable<byte[]> numberKeys, CancellationToken ct) =>
        AcquireAsync(connection, "pg_advisory_xact_lock", numberKeys, ct);

    /// <summary>Held by the connection's session until <see cref="ReleaseAllAsync"/> (or the session ends), across transactions.</summary>
    public static Task AcquireForSessionAsync(NpgsqlConnection connection, IEnumerable<byte[]> numberKeys, CancellationToken ct) =>
        AcquireAsync(connection, "pg_advisory_lock", numberKeys, ct);

    public static async Task ReleaseAllAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task AcquireAsync(NpgsqlConnection connection, string function, IEnumerable<byte[]> numberKeys, CancellationToken ct)
    {
        var sorted = numberKeys.Select(PersonalNumberProtector.LockKeyOf).Distinct().Order().ToArray();
        if (sorted.Length == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, AcquireOrdered, function), connection);
        command.Parameters.AddWithValue("keys", sorted);
        await command.ExecuteScalarAsync(ct);
    }
}
