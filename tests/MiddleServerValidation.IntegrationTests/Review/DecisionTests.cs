using System.Net;
using Microsoft.EntityFrameworkCore;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Persistence.Audit;
using MiddleServerValidation.Persistence.Findings;
using MiddleServerValidation.Persistence.Notices;
using MiddleServerValidation.Persistence.Registrations;
using MiddleServerValidation.Persistence.Review;
using MiddleServerValidation.Web.Review.Cases;
using MiddleServerValidation.Processing.Findings;

namespace MiddleServerValidation.IntegrationTests.Review;

/// <summary>Decisions over HTTP against the real web host: what they change in the store, the outbox and the audit log.</summary>
public sealed class DecisionTests(ReviewConsoleFixture fixture) : IClassFixture<ReviewConsoleFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Confirming_sends_the_insurer_a_review_notice_that_names_nothing_of_the_other_insurer()
    {
        using var client = await SignedInAsync(ReviewConsoleFixture.Reviewer);
        var id = await fixture.FindingOfAsync("R-03");

        var response = await client.DecideAsync(id, "Confirm", new() { ["Form.ExpectedStatus"] = FindingStatuses.Open, ["Form.Note"] = "保険者に電話で確認" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(FindingStatuses.Confirmed, (await fixture.FindingAsync(id)).Status);
        var noticeId = ReviewNotices.IdOf(TestData.InsurerA, "R-03", id);
        await using (var db = fixture.CreateDbContext())
        {
            var confirmed = await db.Set<CaseEvent>().SingleAsync(e => e.FindingId == id);
            Assert.Equal((CaseEventKinds.Confirmed, ReviewConsoleFixture.Reviewer, noticeId), (confirmed.Kind, confirmed.Actor, confirmed.NoticeId));
            Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.FindingId == id && a.Action == AuditActions.Confirm));
        }

        await using var probe = await RabbitMqProbe.ConnectAsync(fixture.RabbitMq);
        var sent = await Eventually.GetAsync(
            async () => (await probe.DrainAsync(QueueNames.Notices(TestData.InsurerA))).Where(m => m.MessageId == noticeId.ToString()).ToList(),
            found => found.Count > 0, Timeout, "the review notice on the insurer's queue");
        var notice = sent[0].Message;
        Assert.Equal("R-03", notice.GetProperty("registrationId").GetString());
        Assert.Equal(Outcomes.Suspected, notice.GetProperty("outcome").GetString());
        Assert.Equal(["ReviewConfirmedError", "BirthDateMismatch"],
            notice.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.Equal("********" + fixture.Numbers["R-03"][^4..], notice.GetProperty("personalNumberMasked").GetString());
        // What insurer B registered (its number, its registration id, the other birthdate) is not in the notice.
        foreach (var secret in new[] { TestData.InsurerB, "P-03", "1980-01-03", "S55", "昭和55" })
        {
            Assert.DoesNotContain(secret, sent[0].Body);
        }

        // Reopened and confirmed again: the insurer already has the notice; no second one is written.
        await client.DecideAsync(id, "Reopen", new() { ["Form.ExpectedStatus"] = FindingStatuses.Confirmed, ["Form.Reason"] = "確認のやり直し" });
        await client.DecideAsync(id, "Confirm", new() { ["Form.ExpectedStatus"] = FindingStatuses.Open });
        await using (var db = fixture.CreateDbContext())
        {
            var registrationId = (await fixture.FindingAsync(id)).RegistrationId;
            Assert.Equal(2, await db.InsurerNotices().CountAsync(n => n.RegistrationId == registrationId));
            Assert.Equal([CaseEventKinds.Confirmed, CaseEventKinds.Reopened, CaseEventKinds.Confirmed],
                await db.Set<CaseEvent>().Where(e => e.FindingId == id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        }
    }

    [Fact]
    public async Task Dismissing_suppresses_each_pair_of_records_until_the_case_is_reopened()
    {
        using var client = await SignedInAsync(ReviewConsoleFixture.Reviewer);
        var id = await fixture.FindingOfAsync("R-04");
        var finding = await fixture.FindingAsync(id);
        var other = Assert.Single(finding.ConflictingRegistrationIds);

        var dismissed = await client.DecideAsync(id, "Dismiss", new()
        {
            ["Form.ExpectedStatus"] = FindingStatuses.Open,
            ["Form.Category"] = "BirthDateCorrectionConfirmed",
            ["Form.Reason"] = "本人確認書類で生年月日を確認。控えの番号 1234 5678 9012 は不要",
        });

        Assert.Equal(HttpStatusCode.Redirect, dismissed.StatusCode);
        Assert.Equal(FindingStatuses.Dismissed, (await fixture.FindingAsync(id)).Status);
        await using (var db = fixture.CreateDbContext())
        {
            Assert.Equal([(Guid?)other], await FindingSuppressions.SuppressedAsync(db, finding.Code, finding.RegistrationId, [other], default));
            Assert.Equal([(Guid?)finding.RegistrationId], await FindingSuppressions.SuppressedAsync(db, finding.Code, other, [finding.RegistrationId], default));
            Assert.Empty(await FindingSuppressions.SuppressedAsync(db, "KanaNameMismatch", finding.RegistrationId, [other], default));
            // A number typed into a reason is masked before it is stored, in the history and in the audit log.
            var note = (await db.Set<CaseEvent>().SingleAsync(e => e.FindingId == id)).Note!;
            Assert.Contains("********9012", note);
            Assert.DoesNotContain("5678", note);
            Assert.DoesNotContain("5678", (await db.Set<AuditEntry>().SingleAsync(a => a.FindingId == id && a.Action == AuditActions.Dismiss)).Details);
        }

        var reopened = await client.DecideAsync(id, "Reopen", new() { ["Form.ExpectedStatus"] = FindingStatuses.Dismissed, ["Form.Reason"] = "保険者から追加の情報" });

        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        Assert.Equal(FindingStatuses.Open, (await fixture.FindingAsync(id)).Status);
        await using (var db = fixture.CreateDbContext())
        {
            Assert.Empty(await FindingSuppressions.SuppressedAsync(db, finding.Code, finding.RegistrationId, [other], default));
            var kept = await db.Set<FindingSuppression>().SingleAsync(s => s.FindingId == id);
            Assert.Equal(ReviewConsoleFixture.Reviewer, kept.LiftedBy);
            Assert.Equal([CaseEventKinds.Dismissed, CaseEventKinds.Reopened],
                await db.Set<CaseEvent>().Where(e => e.FindingId == id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        }
    }

    [Fact]
    public async Task A_number_typed_full_width_or_with_dots_into_a_remark_is_masked_in_the_history_and_the_audit_log()
    {
        using var client = await SignedInAsync(ReviewConsoleFixture.Reviewer);
        var id = await fixture.FindingOfAsync("R-01");

        var response = await client.DecideAsync(id, "Confirm", new()
        {
            ["Form.ExpectedStatus"] = FindingStatuses.Open,
            ["Form.Note"] = "本人の控え １２３４．５６７８．９０１２ と 2345/6789/0123 を確認（2024-01-15 10:30、03-1234-5678）",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = fixture.CreateDbContext();
        var note = (await db.Set<CaseEvent>().SingleAsync(e => e.FindingId == id)).Note!;
        var details = (await db.Set<AuditEntry>().SingleAsync(a => a.FindingId == id && a.Action == AuditActions.Confirm)).Details;
        foreach (var text in new[] { note, details })
        {
            // Stored in NFKC, as every note: the full-width brackets come back half-width.
            Assert.Contains("本人の控え ********9012 と ********0123 を確認(2024-01-15 10:30、03-1234-5678)", text);
            Assert.DoesNotContain("5678.", text);
            Assert.DoesNotContain("6789", text);
        }
    }

    [Fact]
    public async Task Dismissing_a_JLIS_finding_suppresses_the_record_against_no_other()
    {
        using var client = await SignedInAsync(ReviewConsoleFixture.Supervisor);
        var id = await fixture.FindingOfAsync("N-01");
        var finding = await fixture.FindingAsync(id);
        Assert.Empty(finding.ConflictingRegistrationIds);

        await client.DecideAsync(id, "Dismiss", new()
        {
            ["Form.ExpectedStatus"] = FindingStatuses.Open,
            ["Form.Category"] = "JlisRecheckConfirmed",
            ["Form.Reason"] = "転入直後のため住基ネットへの反映待ちと確認",
        });

        await using var db = fixture.CreateDbContext();
        Assert.Equal(FindingStatuses.Dismissed, (await fixture.FindingAsync(id)).Status);
        Assert.Equal([(Guid?)null], await FindingSuppressions.SuppressedAsync(db, finding.Code, finding.RegistrationId, [], default));
    }

    [Fact]
    public async Task A_dismissal_without_a_written_reason_is_refused_and_changes_nothing()
    {
        using var client = await SignedInAsync(ReviewConsoleFixture.Reviewer);
        var id = await fixture.FindingOfAsync("R-06");

        var response = await client.DecideAsync(id, "Dismiss", new()
        {
            ["Form.ExpectedStatus"] = FindingStatuses.Open, ["Form.Category"] = "VerifiedTwins", ["Form.Reason"] = "   ",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("疑いなしとする理由を入力してください", await response.Content.ReadAsStringAsync());
        Assert.Equal(FindingStatuses.Open, (await fixture.FindingAsync(id)).Status);
        await using var db = fixture.CreateDbContext();
        Assert.False(await db.Set<CaseEvent>().AnyAsync(e => e.FindingId == id));
        Assert.False(await db.Set<FindingSuppression>().AnyAsync(s => s.FindingId == id));
    }

    [Fact]
    public async Task A_decision_on_a_case_someone_else_changed_meanwhile_is_refused()
    {
        using var client = await SignedInAsync(ReviewConsoleFixture.Reviewer);
        var id = await fixture.FindingOfAsync("R-05");

        // The page was read when the case was Dismissed; it is Open now.
        var response = await client.DecideAsync(id, "Confirm", new() { ["Form.ExpectedStatus"] = FindingStatuses.Dismissed });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("他の担当者によって既に更新されています", await response.Content.ReadAsStringAsync());
        Assert.Equal(FindingStatuses.Open, (await fixture.FindingAsync(id)).Status);
    }

    [Fact]
    public async Task Of_two_staff_deciding_the_same_case_at_once_exactly_one_succeeds()
    {
        using var reviewer = await SignedInAsync(ReviewConsoleFixture.Reviewer);
        using var supervisor = await SignedInAsync(ReviewConsoleFixture.Supervisor);
        var id = await fixture.FindingOfAsync("R-02");

        var answers = await Task.WhenAll(
            reviewer.DecideAsync(id, "Confirm", new() { ["Form.ExpectedStatus"] = FindingStatuses.Open }),
            supervisor.DecideAsync(id, "Dismiss", new()
            {
                ["Form.ExpectedStatus"] = FindingStatuses.Open, ["Form.Category"] = "Other", ["Form.Reason"] = "同時操作の確認",
            }));

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.UnprocessableEntity], answers.Select(a => a.StatusCode).Order());
        await using var db = fixture.CreateDbContext();
        var decided = await db.Set<CaseEvent>().SingleAsync(e => e.FindingId == id);
        Assert.Equal(decided.StatusAfter, (await fixture.FindingAsync(id)).Status);
    }

    [Fact]
    public async Task Assign_to_me_records_an_event_and_the_queue_filters_by_it()
    {
        using var client = await SignedInAsync(ReviewConsoleFixture.Supervisor);
        var id = await fixture.FindingOfAsync("R-05");

        await client.DecideAsync(id, "Assign", new() { ["Form.ExpectedStatus"] = FindingStatuses.Open });

        await using (var db = fixture.CreateDbContext())
        {
            Assert.Equal(ReviewConsoleFixture.Supervisor, (await db.Set<CaseAssignment>().SingleAsync(a => a.FindingId == id)).Assignee);
            Assert.True(await db.Set<CaseEvent>().AnyAsync(e => e.FindingId == id && e.Kind == CaseEventKinds.Assigned));
        }

        var mine = await client.Http.GetStringAsync("/Cases?assignee=me&status=All");
        Assert.Contains("data-registration=\"R-05\"", mine);
        Assert.Contains("全 1 件", mine);
        using var reviewer = await SignedInAsync(ReviewConsoleFixture.Reviewer);
        Assert.DoesNotContain("data-registration=\"R-05\"", await reviewer.Http.GetStringAsync("/Cases?assignee=me&status=All"));
    }

    private async Task<ConsoleClient> SignedInAsync(string user)
    {
        var client = new ConsoleClient(fixture.BaseAddress);
        var response = await client.SignInAsync(user, ReviewConsoleFixture.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
