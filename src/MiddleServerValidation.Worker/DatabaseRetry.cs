using MassTransit;
using MiddleServerValidation.Persistence;
using Npgsql;

namespace MiddleServerValidation.Worker;

public static class DatabaseRetry
{
    /// <summary>
    /// Retries what the database may not do next time: a transient fault (a failover included), a timeout, a race lost
    /// to another writer. Backs off up to a minute apart, so a database outage is waited out.
    /// </summary>
    public static void TransientDatabaseFaults(this IRetryConfigurator retry)
    {
        retry.Handle<NpgsqlException>(DatabaseFaults.IsTransient);
        retry.Handle<TimeoutException>();
        retry.Handle<PostgresException>(e => e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected
            or PostgresErrorCodes.SerializationFailure);
        retry.Exponential(12, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(500));
    }
}
