using MiddleServerValidation.Contracts;
using MiddleServerValidation.Processing;
using MiddleServerValidation.Processing.Decisions;
using MiddleServerValidation.Processing.Intake;
using MiddleServerValidation.Worker.Registration;
using Microsoft.Extensions.Logging.Abstractions;

namespace MiddleServerValidation.Worker.Tests.Registration;

/// <summary>The group-commit batcher with a fake decision step: chunking, and what one bad record does to the others.</summary>
public sealed class RegistrationBatcherTests
{
    private static readonly ProcessingOptions Options = new() { ChunkSize = 10, ChunkWait = TimeSpan.FromMilliseconds(50), ChunkConcurrency = 1 };

    [Fact]
    public async Task Registrations_arriving_together_are_decided_in_chunks_each_getting_its_own_result()
    {
        var step = new FakeDecisionStep();
        await using var batcher = await StartAsync(step);

        var results = await Task.WhenAll(Enumerable.Range(1, 25).Select(i => batcher.Value.SubmitAsync(Message($"A-{i}"), CancellationToken.None)));

        Assert.All(results, r => Assert.Equal(RegistrationResultKind.Decided, r.Kind));
        Assert.Equal(25, step.Chunks.Sum(c => c.Count));
        Assert.All(step.Chunks, c => Assert.InRange(c.Count, 1, Options.ChunkSize));
        Assert.True(step.Chunks.Count <= 5, $"{step.Chunks.Count} chunks for 25 registrations");
    }

    [Fact]
    public async Task A_record_that_fails_its_chunk_is_decided_alone_and_only_it_faults()
    {
        var step = new FakeDecisionStep(messages => messages.Any(m => m.RegistrationId!.StartsWith("BAD", StringComparison.Ordinal))
            ? new InvalidOperationException("the database refused a value")
            : null);
        await using var batcher = await StartAsync(step);

        var submissions = new[] { "A-1", "BAD-2", "A-3" }.Select(id => batcher.Value.SubmitAsync(Message(id), CancellationToken.None)).ToArray();
        var outcome = await Task.WhenAll(submissions.Select(s => s.ContinueWith(t => t.IsFaulted, TaskScheduler.Default)));

        Assert.Equal([false, true, false], outcome);
        Assert.Contains(step.Chunks, c => c.SequenceEqual(["BAD-2"]));
    }

    [Fact]
    public async Task A_transient_database_fault_fails_every_record_for_its_own_retry_without_deciding_them_alone()
    {
        var step = new FakeDecisionStep(_ => new TimeoutException("the database did not answer"));
        await using var batcher = await StartAsync(step);

        var submissions = Enumerable.Range(1, 3).Select(i => batcher.Value.SubmitAsync(Message($"A-{i}"), CancellationToken.None)).ToArray();
        var faults = await Task.WhenAll(submissions.Select(s => s.ContinueWith(t => t.Exception?.GetBaseException(), TaskScheduler.Default)));

        Assert.All(faults, f => Assert.IsType<TimeoutException>(f));
        Assert.Equal(3, step.Chunks.Sum(c => c.Count));
    }

    [Fact]
    public async Task Nothing_is_taken_once_the_worker_has_stopped()
    {
        var batcher = new RegistrationBatcher(new FakeDecisionStep(), Options, NullLogger<RegistrationBatcher>.Instance);
        await batcher.StartAsync(CancellationToken.None);
        await batcher.StopAsync(CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => batcher.SubmitAsync(Message("A-1"), CancellationToken.None));
    }

    private static Submission Message(string id) => new(new RegisterEnrollee { RegistrationId = id, InsurerNumber = "06139992" }, "06139992");

    private static async Task<Running> StartAsync(FakeDecisionStep step)
    {
        var batcher = new RegistrationBatcher(step, Options, NullLogger<RegistrationBatcher>.Instance);
        await batcher.StartAsync(CancellationToken.None);
        return new Running(batcher);
    }

    private sealed class Running(RegistrationBatcher batcher) : IAsyncDisposable
    {
        public RegistrationBatcher Value => batcher;

        public async ValueTask DisposeAsync()
        {
            await batcher.StopAsync(CancellationToken.None);
            batcher.Dispose();
        }
    }
}
