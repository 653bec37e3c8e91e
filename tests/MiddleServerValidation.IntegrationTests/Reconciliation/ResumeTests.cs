using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Persistence.Reconciliation;
using MiddleServerValidation.Reconciliation;
using MiddleServerValidation.Reconciliation.Runs;

namespace MiddleServerValidation.IntegrationTests.Reconciliation;

/// <summary>A run stopped in the middle of its longest step (as by a crash) is resumed where it stopped.</summary>
public sealed class ResumeTests(ReconciliationFixture fixture) : IClassFixture<ReconciliationFixture>
{
    private const int Conflicts = 7;

    [Fact]
    public async Task A_run_stopped_during_the_re_check_resumes_from_its_checkpoint_without_redoing_finished_steps()
    {
        // Two numbers per batch, so the re-check commits several checkpoints.
        await using var host = await ReconciliationTestHost.StartAsync(fixture, new Dictionary<string, string?> { ["Reconciliation:RecheckBatchSize"] = "2" });
        var store = new RacedRegistrations(host.DataSource, host.Protector);
        var later = new List<Guid>();
        for (var i = 0; i < Conflicts; i++)
        {
            var number = TestData.PersonalNumber(63_000_000 + i);
            await store.AcceptedAsync(TestData.InsurerA, $"FIRST-{i}", number, "1980-01-01", "シカク タロウ");
            later.Add(await store.AcceptedAsync(TestData.InsurerB, $"LATER-{i}", number, "1981-01-01", "シカク タロウ"));
        }

        // The process stops right after the re-check's first checkpoint is committed.
        using var crash = new CancellationTokenSource();
        var interrupted = await host.ReconcileAsync(
            progress: new CallbackProgress(p =>
            {
                if (p.Step == ReconciliationSteps.Recheck)
                {
                    crash.Cancel();
                }
            }),
            cancellationToken: crash.Token);

        Assert.Equal(RunOutcomeKind.Interrupted, interrupted.Kind);
        Assert.Equal(ReconciliationRunStatuses.Running, interrupted.Run!.Status);
        var jlis = interrupted.Steps.Single(s => s.Step == ReconciliationSteps.JlisRetry);
        var recheck = interrupted.Steps.Single(s => s.Step == ReconciliationSteps.Recheck);
        Assert.Equal(ReconciliationStepStatuses.Finished, jlis.Status);
        Assert.Equal((ReconciliationStepStatuses.Running, true), (recheck.Status, recheck.Checkpoint is not null));
        Assert.Equal(2, RunStore.CountsOf(recheck)["numbers"]);
        Assert.Equal(2, await FindingsOnAsync(later));

        var resumed = await host.ReconcileAsync();

        Assert.Equal(RunOutcomeKind.Succeeded, resumed.Kind);
        Assert.True(resumed.Resumed);
        Assert.Equal(interrupted.Run.Id, resumed.Run!.Id);
        Assert.Equal(ReconciliationRunStatuses.Succeeded, resumed.Run.Status);
        Assert.All(resumed.Steps, s => Assert.Equal(ReconciliationStepStatuses.Finished, s.Status));
        Assert.Equal(jlis.FinishedAt, resumed.Steps.Single(s => s.Step == ReconciliationSteps.JlisRetry).FinishedAt);
        // Counted once each: the step went on from its checkpoint, it did not start over.
        Assert.Equal(Conflicts, RunStore.CountsOf(resumed.Steps.Single(s => s.Step == ReconciliationSteps.Recheck))["numbers"]);
        Assert.Equal(Conflicts, await FindingsOnAsync(later));
        Assert.Equal(Conflicts, await fixture.CountAsync("SELECT count(DISTINCT registration_id) FROM findings"));
        Assert.Equal(1, await fixture.CountAsync("SELECT count(*) FROM reconciliation_runs"));
    }

    private Task<long> FindingsOnAsync(List<Guid> registrations) =>
        TestSql.ScalarAsync<long>(fixture.ConnectionString, "SELECT count(*) FROM findings WHERE registration_id = ANY(@ids)", ("ids", registrations.ToArray()));

    private sealed class CallbackProgress(Action<ReconciliationProgress> report) : IProgress<ReconciliationProgress>
    {
        public void Report(ReconciliationProgress value) => report(value);
    }
}
