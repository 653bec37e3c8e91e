using System.Text.Json;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Persistence.Findings;
using MiddleServerValidation.Reconciliation;
using MiddleServerValidation.Reconciliation.Runs;
using Microsoft.EntityFrameworkCore;

namespace MiddleServerValidation.IntegrationTests.Reconciliation;

/// <summary>
/// The re-check against the real database: a conflict two racing workers both accepted is found, notified to its
/// own insurer only, and raised once; a 理由付き疑いなし decision is never undone.
/// </summary>
public sealed class RecheckTests(ReconciliationFixture fixture) : IClassFixture<ReconciliationFixture>
{
    private static readonly IReadOnlyList<string> RecheckOnly = [ReconciliationSteps.Recheck];

    [Fact]
    public async Task A_race_that_single_checks_missed_is_found_notified_to_its_insurer_and_raised_once()
    {
        await using var host = await ReconciliationTestHost.StartAsync(fixture);
        var store = new RacedRegistrations(host.DataSource, host.Protector);
        var number = TestData.PersonalNumber(61_000_001);
        // Registered through the real path: a consistent pair, which the re-check must leave alone.
        var consistent = ReconciliationFixture.Resident(1);
        await host.RegisterAsync(TestData.Registration("OK-1", consistent, "1990-01-01", "シカク ハナコ", TestData.InsurerB));
        await host.RegisterAsync(TestData.Registration("OK-2", consistent, "1990-01-01", "しかく はなこ", TestData.InsurerA));
        // Twins accepted by two workers at once, each without seeing the other.
        var taro = await store.AcceptedAsync(TestData.InsurerB, "TARO", number, "2004-08-04", "シカク タロウ");
        var jiro = await store.AcceptedAsync(TestData.InsurerA, "JIRO", number, "2004-08-04", "シカク ジロウ");
        var noticesBefore = await fixture.CountAsync("SELECT count(*) FROM notices WHERE kind = 'notice'");

        var outcome = await host.ReconcileAsync(RecheckOnly);

        Assert.Equal(RunOutcomeKind.Succeeded, outcome.Kind);
        await using var db = fixture.CreateDbContext();
        var finding = Assert.Single(await db.Findings.Where(f => f.RegistrationId == jiro).ToListAsync());
        Assert.Equal(("KanaNameMismatch", "history.given-name", "2026.11.1", FindingStatuses.Open),
            (finding.Code, finding.RuleId, finding.RuleSetVersion, finding.Status));
        Assert.Equal([taro], finding.ConflictingRegistrationIds);
        Assert.Equal(TestData.InsurerA, finding.InsurerNumber);
        Assert.Equal("Suspected", (await db.Registrations.SingleAsync(r => r.Id == jiro)).Outcome);
        Assert.Equal("Accepted", (await db.Registrations.SingleAsync(r => r.Id == taro)).Outcome);
        Assert.Equal(2, await db.Registrations.CountAsync(r => r.RegistrationId.StartsWith("OK-") && r.Outcome == "Accepted"));

        var notice = Assert.Single(await db.InsurerNotices().Where(n => n.RegistrationId == jiro).ToListAsync());
        Assert.Equal(noticesBefore + 1, await fixture.CountAsync("SELECT count(*) FROM notices WHERE kind = 'notice'"));
        // Held from now on, and downstream is told (閲覧停止).
        Assert.Equal("Held", (await db.Registrations.SingleAsync(r => r.Id == jiro)).State);
        var holdEvent = Assert.Single(await db.StateEvents().Where(n => n.RegistrationId == jiro).ToListAsync());
        Assert.Equal(("Held", "Rechecked"), (holdEvent.Outcome, JsonDocument.Parse(holdEvent.PayloadJson).RootElement.GetProperty("cause").GetString()));
        Assert.Equal((TestData.InsurerA, "Suspected"), (notice.InsurerNumber, notice.Outcome));
        var payload = JsonDocument.Parse(notice.PayloadJson).RootElement;
        Assert.Equal("JIRO", payload.GetProperty("registrationId").GetString());
        Assert.Equal("KanaNameMismatch", payload.GetProperty("reasons")[0].GetProperty("code").GetString());
        Assert.Equal("********" + number[^4..], payload.GetProperty("personalNumberMasked").GetString());
        // Nothing of the other insurer's record: not its insurer, name, or registration.
        foreach (var other in new[] { TestData.InsurerB, "タロウ", "TARO", taro.ToString(), number })
        {
            Assert.DoesNotContain(other, notice.PayloadJson);
        }

        var again = await host.ReconcileAsync(RecheckOnly);

        Assert.Equal(RunOutcomeKind.Succeeded, again.Kind);
        Assert.Equal(1, await db.Findings.CountAsync(f => f.RegistrationId == jiro));
        Assert.Equal(noticesBefore + 1, await fixture.CountAsync("SELECT count(*) FROM notices WHERE kind = 'notice'"));
        Assert.Single(await db.StateEvents().Where(n => n.RegistrationId == jiro).ToListAsync());
        Assert.Equal(0, RunStore.CountsOf(again.Steps.Single())["new_findings"]);
        Assert.True(RunStore.CountsOf(again.Steps.Single())["already_recorded"] >= 1);
    }

    [Fact]
    public async Task The_notice_of_a_new_finding_reaches_its_insurers_queue()
    {
        await fixture.EnsureWorkerAsync();
        await using var host = await ReconciliationTestHost.StartAsync(fixture);
        await using var probe = await RabbitMqProbe.ConnectAsync(fixture.RabbitMq);
        var store = new RacedRegistrations(host.DataSource, host.Protector);
        var number = TestData.PersonalNumber(61_000_101);
        await store.AcceptedAsync(TestData.InsurerA, "HANAKO", number, "1989-09-13", "シカク ハナコ");
        await store.AcceptedAsync(TestData.InsurerB, "HANAKO-B", number, "1987-09-13", "シカク ハナコ");

        await host.ReconcileAsync(RecheckOnly);

        var received = new List<ReceivedMessage>();
        await Eventually.GetAsync(
            async () =>
            {
                received.AddRange(await probe.DrainAsync(QueueNames.Notices(TestData.InsurerB)));
                return received.Any(IsHanakoB);
            },
            found => found, TimeSpan.FromSeconds(30), "the notice about HANAKO-B");
        var message = Assert.Single(received, IsHanakoB).Message;
        Assert.Equal("Suspected", message.GetProperty("outcome").GetString());
        Assert.Equal("BirthDateMismatch", message.GetProperty("reasons")[0].GetProperty("code").GetString());
        Assert.DoesNotContain(await probe.DrainAsync(QueueNames.Notices(TestData.InsurerA)), IsHanakoB);

        static bool IsHanakoB(ReceivedMessage m) => m.Message.GetProperty("registrationId").GetString() == "HANAKO-B";
    }

    [Fact]
    public async Task A_finding_decided_reasoned_no_suspicion_stays_decided()
    {
        await using var host = await ReconciliationTestHost.StartAsync(fixture);
        var store = new RacedRegistrations(host.DataSource, host.Protector);
        var number = TestData.PersonalNumber(61_000_201);
        var first = await store.AcceptedAsync(TestData.InsurerA, "SAKURA-1", number, "2021-03-01", "シカク サクラ");
        var second = await store.AcceptedAsync(TestData.InsurerB, "SAKURA-2", number, "2021-03-02", "シカク サクラ");
        var firstRun = await host.ReconcileAsync(RecheckOnly);
        await using var db = fixture.CreateDbContext();
        var finding = await db.Findings.SingleAsync(f => f.RegistrationId == second);
        Assert.Equal([first], finding.ConflictingRegistrationIds);
        // The review console's decision: 理由付き疑いなし.
        await fixture.ExecuteAsync($"UPDATE findings SET status = 'Dismissed' WHERE id = '{finding.Id}'");
        var notices = await fixture.CountAsync("SELECT count(*) FROM notices");

        var again = await host.ReconcileAsync(RecheckOnly);

        var findings = await db.Findings.AsNoTracking().Where(f => f.RegistrationId == second).ToListAsync();
        Assert.Equal(FindingStatuses.Dismissed, Assert.Single(findings).Status);
        Assert.Equal(notices, await fixture.CountAsync("SELECT count(*) FROM notices"));
        var (before, after) = (RunStore.CountsOf(firstRun.Steps.Single()), RunStore.CountsOf(again.Steps.Single()));
        Assert.Equal(0, after["new_findings"]);
        Assert.Equal(before["dismissed_kept"] + 1, after["dismissed_kept"]);
    }

    [Fact]
    public async Task A_dismissal_recorded_before_the_first_re_check_is_respected_and_only_its_exact_case_is_suppressed()
    {
        await using var host = await ReconciliationTestHost.StartAsync(fixture);
        var store = new RacedRegistrations(host.DataSource, host.Protector);
        var number = TestData.PersonalNumber(61_000_301);
        var mother = await store.AcceptedAsync(TestData.InsurerA, "M-1", number, "1970-05-05", "シカク ヨウコ");
        var later = await store.AcceptedAsync(TestData.InsurerB, "M-2", number, "1970-05-06", "シカク ヨウコ");
        await InsertFindingAsync(later, TestData.InsurerB, "BirthDateMismatch", [mother], FindingStatuses.Dismissed);
        // A later registration differing from both is a case of its own, and is raised.
        var third = await store.AcceptedAsync(TestData.InsurerA, "M-3", number, "1970-05-07", "シカク ヨウコ");

        var outcome = await host.ReconcileAsync(RecheckOnly);

        await using var db = fixture.CreateDbContext();
        Assert.Equal(FindingStatuses.Dismissed, (await db.Findings.SingleAsync(f => f.RegistrationId == later)).Status);
        // The dismissed registration is consistent by the staff's decision, so it counts as history for the later one.
        var raised = await db.Findings.SingleAsync(f => f.RegistrationId == third);
        Assert.Equal([mother, later], raised.ConflictingRegistrationIds);
        Assert.Empty(await db.InsurerNotices().Where(n => n.RegistrationId == later).ToListAsync());
        Assert.Equal(1, RunStore.CountsOf(outcome.Steps.Single())["new_findings"]);
    }

    private Task InsertFindingAsync(Guid registration, string insurer, string code, Guid[] conflicting, string status) =>
        TestSql.ExecuteAsync(fixture.ConnectionString,
            "INSERT INTO findings (id, registration_id, insurer_number, code, rule_id, rule_set_version, differences, conflicting_registration_ids, " +
            "status, created_at) VALUES (gen_random_uuid(), @r, @i, @c, 'history.birth-date', '2026.11.1', '[]', @ids, @s, now())",
            ("r", registration), ("i", insurer), ("c", code), ("ids", conflicting), ("s", status));
}
