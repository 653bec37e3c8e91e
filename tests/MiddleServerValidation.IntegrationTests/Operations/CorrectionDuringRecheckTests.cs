using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.IntegrationTests.Reconciliation;
using MiddleServerValidation.Reconciliation;
using MiddleServerValidation.Reconciliation.Runs;
using Microsoft.EntityFrameworkCore;

namespace MiddleServerValidation.IntegrationTests.Operations;

/// <summary>
/// An insurer corrects a record while the nightly re-check is reading the store: the re-check read the old version
/// before it was replaced, and must not raise a finding on it, nor hold the record, once it is written.
/// </summary>
public sealed class CorrectionDuringRecheckTests(ReconciliationFixture fixture) : IClassFixture<ReconciliationFixture>
{
    [Fact]
    public async Task A_version_corrected_while_the_recheck_runs_gets_no_finding_and_the_other_race_still_does()
    {
        // One number per re-check batch: the second batch is read while the first is decided and written.
        await using var host = await ReconciliationTestHost.StartAsync(fixture, new Dictionary<string, string?> { ["Reconciliation:RecheckBatchSize"] = "1" });
        var store = new RacedRegistrations(host.DataSource, host.Protector);
        var raced = new Dictionary<Guid, string>();
        foreach (var (id, seed) in new[] { ("RACE-1", 63_000_001L), ("RACE-2", 63_000_002L) })
        {
            var number = TestData.PersonalNumber(seed);
            await store.AcceptedAsync(TestData.InsurerB, id + "-B", number, "2004-08-04", "シカク タロウ");
            raced[await store.AcceptedAsync(TestData.InsurerA, id, number, "2004-08-04", "シカク ジロウ")] = id;
        }

        // After the first number's batch is written, A corrects the record of the number not yet decided (already read).
        string? corrected = null;
        var progress = new SynchronousProgress(_ =>
        {
            if (corrected is not null)
            {
                return;
            }

            using var db = fixture.CreateDbContext();
            var flagged = db.Findings.Where(f => raced.Keys.Contains(f.RegistrationId)).Select(f => f.RegistrationId).ToList();
            corrected = raced.Single(r => !flagged.Contains(r.Key)).Value;
            var result = host.RegisterAsync(TestData.Correction(
                TestData.Registration(corrected, ReconciliationFixture.Resident(5), ReconciliationFixture.ResidentBirthDate, ReconciliationFixture.ResidentName)))
                .GetAwaiter().GetResult().Single();
            Assert.Equal(Outcomes.Accepted, result.Outcome);
        });

        var outcome = await host.ReconcileAsync([ReconciliationSteps.Recheck], progress: progress);

        Assert.Equal(RunOutcomeKind.Succeeded, outcome.Kind);
        Assert.NotNull(corrected);
        await using var check = fixture.CreateDbContext();
        var findings = await check.Findings.Where(f => raced.Keys.Contains(f.RegistrationId)).ToListAsync();
        var other = raced.Single(r => r.Value != corrected);
        Assert.Equal(other.Key, Assert.Single(findings).RegistrationId);
        var versions = await check.Registrations.AsNoTracking().Where(r => r.InsurerNumber == TestData.InsurerA && r.RegistrationId == corrected)
            .OrderBy(r => r.Version).Select(r => r.State).ToListAsync();
        Assert.Equal([RegistrationStates.Superseded, RegistrationStates.Usable], versions);
        var replaced = raced.Single(r => r.Value == corrected).Key;
        Assert.Empty(await check.StateEvents().Where(e => e.RegistrationId == replaced).ToListAsync());
    }

    /// <summary>Runs the callback on the re-check's own flow, between two batches (<see cref="Progress{T}"/> would post it).</summary>
    private sealed class SynchronousProgress(Action<ReconciliationProgress> report) : IProgress<ReconciliationProgress>
    {
        public void Report(ReconciliationProgress value) => report(value);
    }
}
