using MassTransit;
using MiddleServerValidation.ServiceDefaults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MiddleServerValidation.Worker.Notices;

/// <summary>What the dispatcher does when its sends keep failing although the broker answers.</summary>
public interface INoticeSendRecovery
{
    Task RecoverAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Restarts the worker's bus when notice sends fail round after round while the broker answers a fresh connection. A
/// channel whose publish was in flight when its node died can wait for a confirmation for ever (RabbitMQ.Client 7,
/// rabbitmq-dotnet-client#1930), and MassTransit keeps using it, since a send given up on the dispatcher's bound looks
/// like a cancellation to it: every later send on that channel waits behind the lost one. Seen after a broker node was
/// killed. A restart drops every connection and channel; the consumers finish their current chunk, stop, and start
/// again on a fresh connection, to whichever node answers. Only a bus that reports itself connected is restarted.
/// </summary>
public sealed class BrokerSendRecovery(IBusControl bus, BrokerConnectionHealthCheck broker, ILogger<BrokerSendRecovery> logger) : INoticeSendRecovery
{
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ReadyBound = TimeSpan.FromSeconds(60);

    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        var reachable = await broker.CheckHealthAsync(new HealthCheckContext(), cancellationToken);
        if (reachable.Status != HealthStatus.Healthy)
        {
            // The broker is away: nothing to mend here, the bus reconnects by itself when it is back.
            return;
        }

        var health = bus.CheckHealth();
        if (health.Status != BusHealthStatus.Healthy)
        {
            // The bus is reconnecting by itself (its endpoints are not consuming), which gives it fresh channels anyway.
            // A restart now would be harmful: MassTransit 8 counts an endpoint that faulted while retrying as started, so
            // a bus stopped then starts it no more and the worker stops consuming for good (seen after a broker restart).
            // Asked last, just before the stop, to leave the least time for the bus to fault in between.
            logger.LogInformation("Notice sends keep failing while the bus reconnects by itself; not restarting it ({Bus})", health.Status);
            return;
        }

        logger.LogWarning("Notice sends keep failing although the broker answers; restarting the bus on fresh connections");
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(StopBound);
        try
        {
            await bus.StopAsync(bound.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The bus did not stop within {Bound}; starting it again all the same", StopBound);
        }

        var handle = await bus.StartAsync(cancellationToken);
        try
        {
            await handle.Ready.WaitAsync(ReadyBound, cancellationToken);
            logger.LogInformation("The bus was restarted");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Should the broker have gone in the moment between the health check and the stop, an endpoint may never
            // consume again: readiness says so at once, liveness after RabbitMq:StrandedAfter (StrandedBusHealthCheck),
            // and the orchestrator restarts the worker. Said loudly here.
            logger.LogError(e, "The bus was restarted but its endpoints did not get ready within {Bound}", ReadyBound);
        }
    }
}
