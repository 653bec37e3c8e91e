using System.Diagnostics;
using System.Threading.Channels;
using Npgsql;
using MiddleServerValidation.Processing.Intake;
using MiddleServerValidation.Processing;
using MiddleServerValidation.Processing.Decisions;

namespace MiddleServerValidation.Worker.Registration;

/// <summary>
/// Group commit for single messages: registrations arriving together are decided as one chunk
/// (one history query, one transaction, bulk writes), while each message keeps its own
/// acknowledgement and its own error handling.
/// </summary>
public sealed class RegistrationBatcher(
    IDecisionStep step, ProcessingOptions options, ILogger<RegistrationBatcher> logger,
    RegistrationMetrics? metrics = null, DecisionMetrics? decisions = null) : BackgroundService
{
    private readonly Channel<Request> _requests = Channel.CreateUnbounded<Request>();

    public Task<RegistrationResult> SubmitAsync(Submission submission, CancellationToken cancellationToken)
    {
        var completion = new TaskCompletionSource<RegistrationResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        // The consumer's span: the chunk's span links to it.
        var message = Activity.Current?.Context ?? default;
        if (!_requests.Writer.TryWrite(new Request(submission, completion, message)))
        {
            throw new InvalidOperationException("The registration batcher has stopped.");
        }

        return completion.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(Enumerable.Range(0, options.ChunkConcurrency).Select(_ => RunAsync(stoppingToken)));
        }
        finally
        {
            CancelWaiting(stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Also when the host stops before the loop ever ran: nothing may wait for a batcher that is gone.
        CancelWaiting(new CancellationToken(canceled: true));
    }

    private void CancelWaiting(CancellationToken stoppingToken)
    {
        _requests.Writer.TryComplete();
        while (_requests.Reader.TryRead(out var left))
        {
            left.Completion.TrySetCanceled(stoppingToken);
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var chunk = new List<Request>(options.ChunkSize);
        while (await _requests.Reader.WaitToReadAsync(stoppingToken))
        {
            await FillAsync(chunk, stoppingToken);
            await DecideAsync(chunk, stoppingToken);
            chunk.Clear();
        }
    }

    /// <summary>Takes what is waiting, and waits a moment for more when the chunk is not full.</summary>
    private async Task FillAsync(List<Request> chunk, CancellationToken stoppingToken)
    {
        var deadline = DateTime.UtcNow + options.ChunkWait;
        while (chunk.Count < options.ChunkSize)
        {
            if (_requests.Reader.TryRead(out var request))
            {
                chunk.Add(request);
                continue;
            }

            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            wait.CancelAfter(remaining);
            try
            {
                if (!await _requests.Reader.WaitToReadAsync(wait.Token))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task DecideAsync(IReadOnlyList<Request> chunk, CancellationToken stoppingToken)
    {
        using var span = metrics?.StartChunk(chunk.Select(r => r.Message), chunk.Count);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var results = await step.DecideAsync(chunk.Select(r => r.Submission).ToArray(), stoppingToken);
            metrics?.ChunkDecided(chunk.Count, Stopwatch.GetElapsedTime(started));
            decisions?.Decided(results);
            for (var i = 0; i < chunk.Count; i++)
            {
                chunk[i].Completion.TrySetResult(results[i]);
            }
        }
        catch (Exception e) when (chunk.Count > 1 && !IsTransient(e) && !stoppingToken.IsCancellationRequested)
        {
            // One record the database refuses must not take the others with it: decide them one by one,
            // so only the culprit faults (and goes to the error queue with its cause).
            span?.SetStatus(ActivityStatusCode.Error, "decided one by one after the chunk failed");
            logger.LogWarning(e, "A chunk of {Count} registrations failed; deciding them one by one", chunk.Count);
            foreach (var request in chunk)
            {
                await DecideAsync([request], stoppingToken);
            }
        }
        catch (Exception e)
        {
            // A transient fault fails every message alike; each is retried by its own consumer.
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            logger.LogWarning(e, "A chunk of {Count} registrations failed", chunk.Count);
            foreach (var request in chunk)
            {
                request.Completion.TrySetException(e);
            }
        }
    }

    private static bool IsTransient(Exception e) => e is NpgsqlException { IsTransient: true } or TimeoutException;

    private sealed record Request(Submission Submission, TaskCompletionSource<RegistrationResult> Completion, ActivityContext Message);
}
