using Npgsql;

namespace MiddleServerValidation.Persistence;

/// <summary>
/// Whether a database fault means "away for a while" (wait it out and ask again) rather than "refused what was asked".
/// Npgsql's own <see cref="NpgsqlException.IsTransient"/> plus what a failover looks like from the service.
/// </summary>
public static class DatabaseFaults
{
    public static bool IsTransient(Exception e) => e switch
    {
        // A server that came back as a standby (or a demoted primary still reached through an old address) refuses writes.
        PostgresException postgres => postgres.IsTransient || postgres.SqlState == PostgresErrorCodes.ReadOnlySqlTransaction,
        // A multi-host connection string during a failover: no listed server takes writes yet ("No suitable host was
        // found", no inner fault), or every one failed to connect (one inner fault each). Npgsql does not flag either.
        NpgsqlException { InnerException: null } npgsql when npgsql.GetType() == typeof(NpgsqlException) => true,
        NpgsqlException { InnerException: AggregateException each } => each.InnerExceptions.All(IsTransient),
        NpgsqlException npgsql => npgsql.IsTransient,
        TimeoutException => true,
        _ => false,
    };
}
