using System.Text.Json;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.IntegrationTests.Reconciliation;
using MiddleServerValidation.Reconciliation;
using MiddleServerValidation.Reconciliation.Runs;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MiddleServerValidation.IntegrationTests.IdentityFacts;

/// <summary>Six residents J-LIS knows with their five facts, registered before each full-store check.</summary>
public sealed class JlisAuditFixture : ServiceFixture
{
    public static readonly string[] Numbers = Enumerable.Range(0, 6).Select(i => TestData.PersonalNumber(13_100 + i)).ToArray();

    protected override IEnumerable<string> ExtraResidents =>
        Numbers.Select((number, i) => $"{number},カワノ タロウ{"アイウエオカ"[i]},1980-01-0{i + 1},1,川野 太郎{i},東京都千代田区丸の内一丁目{i + 1}番1号");
}

/// <summary>
/// <c>msv reconcile --steps jlis-audit</c>: the stored registrations compared with J-LIS in batches, a J-LIS outage in
/// the middle stopping the check where it got to, the next check resuming there, mismatches held and notified.
/// </summary>
public sealed class JlisAuditTests(JlisAuditFixture fixture) : IClassFixture<JlisAuditFixture>
{
    private static RegisterEnrollee Resident(int i) =>
        TestData.Registration($"AUDIT-{i}", JlisAuditFixture.Numbers[i], $"1980-01-0{i + 1}", $"カワノ タロウ{"アイウエオカ"[i]}") with
        {
            Sex = "1", KanjiName = $"川野 太郎{i}", Address = $"千代田区丸の内1-{i + 1}-1",
        };

    [Fact]
    public async Task An_outage_in_the_middle_stops_the_check_the_next_one_resumes_and_mismatches_are_held()
    {
        await using var host = await ReconciliationTestHost.StartAsync(fixture, new Dictionary<string, string?>
        {
            ["Reconciliation:JlisAuditBatchSize"] = "2",
            ["Reconciliation:JlisAuditOutageRetries"] = "1",
            ["Reconciliation:JlisAuditOutageDelay"] = "00:00:01.5",
        });
        var registered = await host.RegisterAsync(Enumerable.Range(0, 6).Select(Resident).ToArray());
        Assert.All(registered, r => Assert.Equal("Accepted", r.Outcome));
        // Two records stored wrong before the five-fact check (which batch each falls in depends on the ids' order).
        await CorruptAsync(registered[1].StoredId!.Value, "birth_date = '1970-01-02'");
        await CorruptAsync(registered[4].StoredId!.Value, "kana_name = 'カワノ ハナコ'");

        var outage = new OutageAfterFirstBatch(fixture);
        RunOutcome first;
        try
        {
            first = await host.ReconcileAsync([ReconciliationSteps.JlisAudit], progress: outage);
        }
        finally
        {
            await fixture.SetStubFaultsAsync(errorRate: 0);
        }

        var stopped = Assert.Single(first.Steps);
        Assert.Contains("中断", stopped.Warning);
        Assert.Equal(2, Counts(stopped)["compared"]);
        Assert.Equal(0, Counts(stopped)["complete"]);

        // The circuit breaker closes again after its break.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var second = await host.ReconcileAsync([ReconciliationSteps.JlisAudit]);
        var resumed = Assert.Single(second.Steps);
        Assert.Null(resumed.Warning);
        Assert.Equal(6, Counts(resumed)["compared"]);
        Assert.Equal(2, Counts(resumed)["mismatches"]);
        Assert.Equal(1, Counts(resumed)["complete"]);

        await using var db = fixture.CreateDbContext();
        foreach (var (index, code) in new[] { (1, "JlisBirthDateMismatch"), (4, "JlisKanaNameMismatch") })
        {
            var held = await db.Registrations.SingleAsync(r => r.Id == registered[index].StoredId);
            Assert.Equal(("Suspected", "Held"), (held.Outcome, held.State));
            var finding = await db.Findings.SingleAsync(f => f.RegistrationId == held.Id);
            Assert.Equal(("jlis.audit", code), (finding.RuleId, finding.Code));
            var notice = await db.InsurerNotices().SingleAsync(n => n.RegistrationId == held.Id && n.Outcome == "Suspected");
            Assert.Contains(code, notice.PayloadJson);
            Assert.DoesNotContain(JlisAuditFixture.Numbers[index], notice.PayloadJson);
            Assert.DoesNotContain("川野", notice.PayloadJson);
            Assert.DoesNotContain("丸の内", notice.PayloadJson);
        }

        // A completed check is not continued: the next one starts over, and a record already held is not raised again.
        var third = await host.ReconcileAsync([ReconciliationSteps.JlisAudit]);
        var again = Assert.Single(third.Steps);
        Assert.Equal(4, Counts(again)["compared"]);
        Assert.Equal(0, Counts(again)["mismatches"]);
        Assert.Equal(2, await db.Findings.CountAsync());
        var logs = string.Join('\n', fixture.Logs.Lines);
        Assert.DoesNotContain("川野", logs);
        Assert.DoesNotContain(JlisAuditFixture.Numbers[1], logs);
    }

    private static Dictionary<string, long> Counts(MiddleServerValidation.Persistence.Reconciliation.ReconciliationStepRecord step) =>
        JsonSerializer.Deserialize<Dictionary<string, long>>(step.CountsJson)!;

    private async Task CorruptAsync(Guid id, string assignment)
    {
        await using var owner = new NpgsqlConnection(fixture.OwnerConnectionString);
        await owner.OpenAsync();
        await using var command = new NpgsqlCommand($"UPDATE registrations SET {assignment} WHERE id = @id", owner);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>J-LIS goes down once the first batch is committed (progress is reported after each checkpoint).</summary>
    private sealed class OutageAfterFirstBatch(ServiceFixture fixture) : IProgress<ReconciliationProgress>
    {
        private int _reports;

        public void Report(ReconciliationProgress value)
        {
            if (Interlocked.Increment(ref _reports) == 1)
            {
                fixture.SetStubFaultsAsync(errorRate: 1.0).GetAwaiter().GetResult();
            }
        }
    }
}
