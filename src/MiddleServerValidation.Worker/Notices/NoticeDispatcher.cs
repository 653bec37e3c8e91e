using MiddleServerValidation.Contracts;
using MiddleServerValidation.Processing.Notices;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MiddleServerValidation.Worker.Notices;

/// <summary>
/// Publishes committed notices from the outbox to each insurer's own queue, then marks them sent. Rows are claimed for a
/// lease in a transaction of their own, so nothing is locked while the broker is asked, and every send is bounded by
/// <see cref="NoticeDispatchOptions.SendTimeout"/>: a send the broker never confirms (it restarted mid-send) is given
/// up, its notice given back and published again. A crash between send and mark sends a notice again with the same id
/// (at-least-once); none is lost. Several workers share the work. When every send of
/// <see cref="NoticeDispatchOptions.RecoverAfterFailedRounds"/> rounds in a row failed, <paramref name="recovery"/> is asked
/// to mend the broker side (the bus is restarted when the broker answers but this worker's sends do not get through).
/// </summary>
public sealed class NoticeDispatcher(
    NpgsqlDataSource dataSource, INoticePublisher publisher, IOptions<NoticeDispatchOptions> options, TimeProvider clock,
    ILogger<NoticeDispatcher> logger, OutboxMetrics? metrics = null, INoticeSendRecovery? recovery = null) : BackgroundService
{
    private readonly NoticeDispatchOptions _options = options.Value;
    private readonly Guid _owner = Guid.CreateVersion7();
    private long _lastRoundTimestamp = clock.GetTimestamp();
    private int _failedRounds;

    /// <summary>How long since the dispatch loop last came round (a round is bounded, so a long time means it is stuck).</summary>
    public TimeSpan SinceLastRound => clock.GetElapsedTime(Interlocked.Read(ref _lastRoundTimestamp));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var listener = await dataSource.OpenConnectionAsync(stoppingToken);
                await NoticeOutbox.ListenAsync(listener, stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                {
                    var round = await DispatchBatchAsync(stoppingToken);
                    Interlocked.Exchange(ref _lastRoundTimestamp, clock.GetTimestamp());
                    await RecoverIfStuckAsync(round, stoppingToken);
                    if (round.Claimed < _options.BatchSize || round.Failed > 0)
                    {
                        await listener.WaitAsync(_options.PollInterval, stoppingToken);
                    }
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Interlocked.Exchange(ref _lastRoundTimestamp, clock.GetTimestamp());
                logger.LogError(e, "Dispatching notices failed; retrying in {Interval}", _options.PollInterval);
                await Task.Delay(_options.PollInterval, stoppingToken);
            }
        }
    }

    private async Task RecoverIfStuckAsync(DispatchRound round, CancellationToken cancellationToken)
    {
        if (round.Sent > 0 || round.Failed == 0)
        {
            _failedRounds = round.Sent > 0 ? 0 : _failedRounds;
            return;
        }

        if (++_failedRounds >= _options.RecoverAfterFailedRounds && recovery is not null)
        {
            _failedRounds = 0;
            await recovery.RecoverAsync(cancellationToken);
            Interlocked.Exchange(ref _lastRoundTimestamp, clock.GetTimestamp());
        }
    }

    /// <summary>Claims one batch of unsent notices and publishes it, within the send bound.</summary>
    public async Task<DispatchRound> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var claimed = await NoticeOutbox.ClaimAsync(dataSource, _owner, _options.ClaimLease, _options.BatchSize, cancellationToken);
        if (claimed.Count == 0)
        {
            return new DispatchRound(0, 0, 0);
        }

        var (toSend, superseded) = SplitSupersededPending(claimed);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(_options.SendTimeout);
        var sends = toSend.Select(row => (Row: row, Send: publisher.PublishAsync(row, bound.Token))).ToList();
        try
        {
            // WaitAsync as well as the token: a send that ignores cancellation must not hold the loop either.
            await Task.WhenAll(sends.Select(s => s.Send)).WaitAsync(_options.SendTimeout + TimeSpan.FromSeconds(1), cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Counted below, send by send.
        }
        finally
        {
            await bound.CancelAsync();
        }

        var sent = sends.Where(s => s.Send.IsCompletedSuccessfully).Select(s => s.Row.NoticeId).Concat(superseded).ToList();
        var failed = sends.Where(s => !s.Send.IsCompletedSuccessfully).ToList();
        // Recorded even when the host is stopping: what was sent stays sent, what was not is given back at once.
        await NoticeOutbox.MarkSentAsync(dataSource, sent, CancellationToken.None);
        metrics?.Published(sends.Where(s => s.Send.IsCompletedSuccessfully).Select(s => s.Row), clock.GetUtcNow());
        await NoticeOutbox.ReleaseAsync(dataSource, _owner, failed.Select(f => f.Row.NoticeId).ToList(), CancellationToken.None);
        if (failed.Count > 0)
        {
            var cause = failed.Select(f => f.Send.Exception?.GetBaseException()).FirstOrDefault(e => e is not null);
            logger.LogWarning(
                "Could not publish {Failed} of {Claimed} notices within {Timeout} ({Cause}); they are published again",
                failed.Count, claimed.Count, _options.SendTimeout, cause is null ? "no confirmation from the broker" : cause.GetType().Name + ": " + cause.Message);
        }

        logger.LogDebug("Dispatched {Count} notices", sent.Count);
        return new DispatchRound(claimed.Count, sent.Count, failed.Count);
    }

    /// <summary>
    /// Sends within a batch run concurrently, so their order is not kept. A Pending notice whose final notice is in the
    /// same batch (after a broker outage) is not sent: it could arrive last. It is marked done with the rest.
    /// </summary>
    private static (List<OutboxRow> ToSend, List<Guid> Superseded) SplitSupersededPending(List<OutboxRow> batch)
    {
        var decided = batch.Where(n => n.IsNotice && n.Outcome != Outcomes.Pending).Select(n => n.RegistrationId).ToHashSet();
        var superseded = batch.Where(n => n.IsNotice && n.Outcome == Outcomes.Pending && decided.Contains(n.RegistrationId)).ToList();
        return (batch.Except(superseded).ToList(), superseded.Select(n => n.NoticeId).ToList());
    }
}

/// <summary>One dispatch round: notices claimed, sent (or done without sending), and given back to be sent again.</summary>
public sealed record DispatchRound(int Claimed, int Sent, int Failed);
