using MassTransit;
using MiddleServerValidation.ServiceDefaults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MiddleServerValidation.Worker.Broker;

/// <summary>
/// Liveness of the worker's consumers. While the broker or the database is away, a bus that does not consume is
/// expected (MassTransit reconnects by itself; the kill switch waits for the database) and readiness says so. A bus
/// that does not consume for <see cref="RabbitMqOptions.StrandedAfter"/> although both answer is stranded — MassTransit
/// 8 never starts again an endpoint stopped while it retried its connection — and only a new process mends it: the
/// worker is then not alive, and its orchestrator restarts it. Nothing is lost by that: unacknowledged messages go back
/// to the queue and claimed notices to the outbox.
/// </summary>
public sealed class StrandedBusHealthCheck(
    IBusControl bus, BrokerConnectionHealthCheck broker, NpgsqlDataSource database, IOptions<RabbitMqOptions> options, TimeProvider clock)
    : IHealthCheck
{
    private static readonly TimeSpan ProbeBound = TimeSpan.FromSeconds(5);

    // When the bus was first seen not consuming with both servers answering; 0 while it consumes or a server is away.
    private long _notConsumingSince;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (bus.CheckHealth().Status == BusHealthStatus.Healthy || !await ServersAnswerAsync(cancellationToken))
        {
            Interlocked.Exchange(ref _notConsumingSince, 0);
            return HealthCheckResult.Healthy();
        }

        var now = clock.GetTimestamp();
        var since = Interlocked.CompareExchange(ref _notConsumingSince, now, 0) is var first && first == 0 ? now : first;
        var elapsed = clock.GetElapsedTime(since);
        var limit = options.Value.StrandedAfter;
        return elapsed < limit
            ? HealthCheckResult.Healthy($"The bus has not consumed for {elapsed.TotalSeconds:0} s while the broker and the database answer.")
            : HealthCheckResult.Unhealthy(
                $"The bus has not consumed for {elapsed.TotalSeconds:0} s while the broker and the database answer (limit {limit.TotalSeconds:0} s): stranded.");
    }

    // Each probe bounded, so a server that does not answer counts as away rather than failing liveness by a timeout.
    private async Task<bool> ServersAnswerAsync(CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(ProbeBound);
        try
        {
            if ((await broker.CheckHealthAsync(new HealthCheckContext(), bound.Token)).Status != HealthStatus.Healthy)
            {
                return false;
            }

            await using var command = database.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(bound.Token);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }
}
