using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Persistence.Reconciliation;
using MiddleServerValidation.Reconciliation;
using MiddleServerValidation.Reconciliation.Runs;
using Microsoft.EntityFrameworkCore;

namespace MiddleServerValidation.IntegrationTests.Reconciliation;

/// <summary>What is left over is reported, and a run that fails says so: in its record, in the log.</summary>
public sealed class FailureTests(ReconciliationFixture fixture) : IClassFixture<ReconciliationFixture>
{
    [Fact]
    public async Task A_failing_J_LIS_leaves_the_lookups_pending_and_the_run_reports_it()
    {
        await using var host = await ReconciliationTestHost.StartAsync(fixture);
        await fixture.SetStubFaultsAsync(errorRate: 1.0);
        var registered = await host.RegisterAsync(
            TestData.Registration("NEWBORN-1", ReconciliationFixture.Resident(40), ReconciliationFixture.ResidentBirthDate, ReconciliationFixture.ResidentName));
        Assert.Equal("Pending", registered.Single().Outcome);

        var outcome = await host.ReconcileAsync([ReconciliationSteps.JlisRetry]);

        Assert.Equal(RunOutcomeKind.SucceededWithWarnings, outcome.Kind);
        Assert.Equal(ReconciliationRunStatuses.SucceededWithWarnings, outcome.Run!.Status);
        var step = outcome.Steps.Single();
        Assert.Equal(ReconciliationStepStatuses.Finished, step.Status);
        Assert.Contains("保留のまま", step.Warning, StringComparison.Ordinal);
        var counts = RunStore.CountsOf(step);
        Assert.Equal((1, 1, 0, 1), (counts["pending_before"], counts["asked"], counts["decided"], counts["still_pending"]));
        Assert.Contains(fixture.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("left work for later", StringComparison.Ordinal));
        await using var db = fixture.CreateDbContext();
        var lookup = await db.ResidentLookups.AsNoTracking().SingleAsync();
        Assert.Equal("Pending", lookup.Status);
        Assert.True(lookup.Attempts >= 2);
        Assert.NotNull(lookup.LastError);
        Assert.Equal("Pending", (await db.Registrations.AsNoTracking().SingleAsync(r => r.RegistrationId == "NEWBORN-1")).Outcome);

        await fixture.SetStubFaultsAsync(errorRate: 0);
        var recovered = await host.ReconcileAsync([ReconciliationSteps.JlisRetry]);

        Assert.Equal(RunOutcomeKind.Succeeded, recovered.Kind);
        Assert.Equal("Completed", (await db.ResidentLookups.AsNoTracking().SingleAsync()).Status);
        Assert.Equal("Accepted", (await db.Registrations.AsNoTracking().SingleAsync(r => r.RegistrationId == "NEWBORN-1")).Outcome);
        Assert.Contains(await db.Notices.AsNoTracking().ToListAsync(), n => n.Outcome == "Accepted" && n.PayloadJson.Contains("JlisConfirmed"));
    }

    [Fact]
    public async Task A_failing_step_fails_the_run_loudly_and_the_next_run_starts_afresh()
    {
        await using var host = await ReconciliationTestHost.StartAsync(fixture);
        await new RacedRegistrations(host.DataSource, host.Protector)
            .AcceptedAsync(TestData.InsurerB, "ANY-1", TestData.PersonalNumber(64_000_001), "1975-01-01", "シカク イチロウ");
        await fixture.ExecuteAsync("ALTER TABLE correction_files RENAME TO correction_files_away");
        RunOutcome failed;
        try
        {
            failed = await host.ReconcileAsync([ReconciliationSteps.Recheck, ReconciliationSteps.Corrections, ReconciliationSteps.Snapshot]);
        }
        finally
        {
            await fixture.ExecuteAsync("ALTER TABLE correction_files_away RENAME TO correction_files");
        }

        Assert.Equal(RunOutcomeKind.Failed, failed.Kind);
        Assert.Equal(ReconciliationRunStatuses.Failed, failed.Run!.Status);
        Assert.NotNull(failed.Run.FinishedAt);
        Assert.StartsWith("corrections: PostgresException", failed.Run.Error, StringComparison.Ordinal);
        Assert.Contains("correction_files", failed.Run.Error, StringComparison.Ordinal);
        var steps = failed.Steps.ToDictionary(s => s.Step);
        Assert.Equal(ReconciliationStepStatuses.Finished, steps[ReconciliationSteps.Recheck].Status);
        Assert.Equal(ReconciliationStepStatuses.Failed, steps[ReconciliationSteps.Corrections].Status);
        Assert.False(steps.ContainsKey(ReconciliationSteps.Snapshot));
        Assert.Contains(fixture.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal)
            && l.Contains($"Reconciliation run {failed.Run.Id} failed in step corrections", StringComparison.Ordinal));

        var next = await host.ReconcileAsync([ReconciliationSteps.Recheck, ReconciliationSteps.Corrections, ReconciliationSteps.Snapshot]);

        Assert.Equal(RunOutcomeKind.Succeeded, next.Kind);
        Assert.False(next.Resumed);
        Assert.NotEqual(failed.Run.Id, next.Run!.Id);
        Assert.Equal(ReconciliationRunStatuses.Failed,
            await TestSql.ScalarAsync<string>(fixture.ConnectionString, "SELECT status FROM reconciliation_runs WHERE id = @id", ("id", failed.Run.Id)));
    }
}
