using MassTransit;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.Processing.Notices;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MiddleServerValidation.Worker.Notices;

/// <summary>
/// Publishes committed notices from the outbox to each insurer's own queue, then marks them sent.
/// A crash between the two sends a notice again with the same id (at-least-once); none is lost.
/// Several workers share the work: rows another worker holds are skipped.
/// </summary>
public sealed class NoticeDispatcher(
    NpgsqlDataSource dataSource, IBus bus, IOptions<NoticeDispatchOptions> options, ILogger<NoticeDispatcher> logger) : BackgroundService
{
    private readonly NoticeDispatchOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var listener = await dataSource.OpenConnectionAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Processing.Storage.NoticeChannel.Name}", listener))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    if (await DispatchBatchAsync(stoppingToken) < _options.BatchSize)
                    {
                        await listener.WaitAsync(_options.PollInterval, stoppingToken);
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Dispatching notices failed; retrying in {Interval}", _options.PollInterval);
                await Task.Delay(_options.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Sends one batch of undispatched notices; returns how many were sent.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var pending = await OutboxQueries.ClaimUndispatchedAsync(connection, _options.BatchSize, cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        await Task.WhenAll(WithoutSupersededPending(pending).GroupBy(n => n.InsurerNumber)
            .Select(group => SendAsync(group.Key, group, cancellationToken)));
        await OutboxQueries.MarkDispatchedAsync(connection, pending.Select(n => n.NoticeId).ToArray(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogDebug("Dispatched {Count} notices", pending.Count);
        return pending.Count;
    }

    /// <summary>
    /// Sends within a batch run concurrently, so their order is not kept. A Pending notice whose final
    /// notice is in the same batch (after a broker outage) is not sent: it could arrive last.
    /// </summary>
    private static IEnumerable<OutboxRow> WithoutSupersededPending(List<OutboxRow> batch)
    {
        var decided = batch.Where(n => n.Outcome != Outcomes.Pending).Select(n => n.RegistrationId).ToHashSet();
        return batch.Where(n => n.Outcome != Outcomes.Pending || !decided.Contains(n.RegistrationId));
    }

    private async Task SendAsync(string insurerNumber, IEnumerable<OutboxRow> notices, CancellationToken cancellationToken)
    {
        // A "queue:" address declares the durable queue and its binding before the first send,
        // so a notice is kept even when the insurer has never connected.
        var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{QueueNames.Notices(insurerNumber)}"));
        await Task.WhenAll(notices.Select(row => endpoint.Send(NoticeFactory.FromJson(row.PayloadJson), context =>
        {
            context.MessageId = row.NoticeId;
            context.Durable = true;
        }, cancellationToken)));
    }
}
