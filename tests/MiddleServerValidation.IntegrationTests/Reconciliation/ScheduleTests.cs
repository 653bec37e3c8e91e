using MiddleServerValidation.Domain;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Options;

namespace MiddleServerValidation.IntegrationTests.Reconciliation;

/// <summary>The worker's daily schedule with several workers: exactly one runs the day, once.</summary>
public sealed class ScheduleTests(ReconciliationFixture fixture) : IClassFixture<ReconciliationFixture>
{
    [Fact]
    public async Task Two_schedulers_due_at_the_same_time_run_the_day_exactly_once_and_a_restart_does_not_run_it_again()
    {
        // One pending lookup and a slow J-LIS keep the run busy for seconds, so the two schedulers overlap.
        await fixture.SetStubFaultsAsync(errorRate: 1.0);
        await using (var host = await ReconciliationTestHost.StartAsync(fixture))
        {
            await host.RegisterAsync(TestData.Registration("SLOW-1", ReconciliationFixture.Resident(30), "1990-01-01", "シカク ハナコ"));
        }

        await fixture.ExecuteAsync("UPDATE resident_lookups SET next_attempt_at = now() + interval '1 day'");
        await fixture.SetStubFaultsAsync(latencyMs: 3_000);
        var schedule = new Dictionary<string, string?>
        {
            ["Reconciliation:ScheduleEnabled"] = "true",
            ["Reconciliation:TimeOfDay"] = "00:00",
            ["Reconciliation:LockRetryInterval"] = "00:00:00.3",
            ["Jlis:AttemptTimeout"] = "00:00:10",
        };

        await Task.WhenAll(fixture.StartWorkerAsync(schedule), fixture.StartWorkerAsync(schedule));
        var today = TokyoCalendar.Today(TimeProvider.System);
        await Eventually.GetAsync(
            () => ScheduledRunsAsync(today, "status <> 'Running'"), n => n == 1, TimeSpan.FromSeconds(60), "the day's scheduled run to end");
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Equal(1, await ScheduledRunsAsync(today));
        Assert.Equal(1, await ScheduledRunsAsync(today, "status IN ('Succeeded', 'SucceededWithWarnings')"));
        Assert.True(1 == fixture.Logs.Lines.Count(l => l.Contains(" ended: ", StringComparison.Ordinal)),
            string.Join("\n", fixture.Logs.Lines.Where(l => l.Contains("econciliation", StringComparison.Ordinal))));
        Assert.Contains(fixture.Logs.Lines, l => l.Contains("skipped on this worker: another one is running it", StringComparison.Ordinal));

        var alreadyRan = fixture.Logs.Lines.Count(l => l.Contains("already ran; not run again", StringComparison.Ordinal));
        await fixture.StartWorkerAsync(schedule);
        await Eventually.GetAsync(
            () => Task.FromResult(fixture.Logs.Lines.Count(l => l.Contains("already ran; not run again", StringComparison.Ordinal))),
            n => n > alreadyRan, TimeSpan.FromSeconds(30), "the restarted worker to find the day done");

        Assert.Equal(1, await ScheduledRunsAsync(today));
    }

    [Fact]
    public async Task A_wrong_time_of_day_stops_the_worker_from_starting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => fixture.StartWorkerAsync(
            new Dictionary<string, string?> { ["Reconciliation:ScheduleEnabled"] = "true", ["Reconciliation:TimeOfDay"] = "25:00" }));

        Assert.Contains("Reconciliation:TimeOfDay", error.Message, StringComparison.Ordinal);
    }

    private Task<long> ScheduledRunsAsync(DateOnly day, string condition = "true") =>
        TestSql.ScalarAsync<long>(fixture.ConnectionString,
            $"SELECT count(*) FROM reconciliation_runs WHERE trigger = 'Schedule' AND run_date = @day AND {condition}", ("day", day));
}
