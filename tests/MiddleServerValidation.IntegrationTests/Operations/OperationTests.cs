using System.Text.Json;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Persistence.Findings;
using MiddleServerValidation.Persistence.Operations;
using MiddleServerValidation.Persistence.Review;
using MiddleServerValidation.Processing.Decisions;
using Microsoft.EntityFrameworkCore;
using static MiddleServerValidation.IntegrationTests.Operations.OperationsFixture;

namespace MiddleServerValidation.IntegrationTests.Operations;

/// <summary>
/// Insurers correct, withdraw and answer their own registrations through the decision step, as their messages are
/// decided: versions kept, findings closed with their case history, states and state events, once per operation.
/// </summary>
public sealed class OperationTests(OperationsFixture fixture) : IClassFixture<OperationsFixture>
{
    [Fact]
    public async Task A_correction_replaces_the_version_closes_its_findings_and_the_old_version_no_longer_counts()
    {
        // Insurer B holds resident 1; insurer A registers resident 1's number for someone born on another day.
        await fixture.SendAsync(Record("FIX-B", 1, TestData.InsurerB));
        var wrong = await fixture.SendAsync(Record("FIX-A", 1, birthDate: "1991-05-05"));
        Assert.Equal(Outcomes.Suspected, wrong.Outcome);

        var corrected = await fixture.SendAsync(TestData.Correction(Record("FIX-A", 2)));

        Assert.Equal((RegistrationResultKind.Decided, Outcomes.Accepted), (corrected.Kind, corrected.Outcome));
        var versions = await fixture.VersionsAsync("FIX-A");
        Assert.Equal([(1, RegistrationStates.Superseded, true), (2, RegistrationStates.Usable, false)],
            versions.Select(v => (v.Version, v.State, v.RetiredAt is not null)));
        await using var db = fixture.CreateDbContext();
        var finding = await db.Findings.SingleAsync(f => f.RegistrationId == versions[0].Id);
        Assert.Equal(FindingStatuses.Corrected, finding.Status);
        Assert.NotNull(finding.ClosedAt);
        var history = await db.Set<CaseEvent>().Where(e => e.FindingId == finding.Id).ToListAsync();
        Assert.Equal((CaseEventKinds.InsurerCorrected, "insurer:" + TestData.InsurerA), (Assert.Single(history).Kind, history[0].Actor));

        // The notice names the operation and the new version; downstream hears the record was released.
        var notice = JsonDocument.Parse((await db.InsurerNotices().SingleAsync(n => n.NoticeId == corrected.NoticeId)).PayloadJson).RootElement;
        Assert.Equal(("correct", 2, RegistrationStates.Usable), (notice.GetProperty("operation").GetString(), notice.GetProperty("version").GetInt32(),
            notice.GetProperty("state").GetString()));
        var released = JsonDocument.Parse((await db.StateEvents().SingleAsync(n => n.RegistrationId == versions[1].Id)).PayloadJson).RootElement;
        Assert.Equal((RegistrationStates.Held, RegistrationStates.Usable, "Corrected"),
            (released.GetProperty("previousState").GetString(), released.GetProperty("state").GetString(), released.GetProperty("cause").GetString()));

        // Resident 2 was new: J-LIS was asked. The replaced version does not count for anyone now: another insurer
        // registering resident 1's number as A once did is compared with B's record only, not with A's old one.
        var third = await fixture.SendAsync(Record("FIX-C", 1, TestData.InsurerB, birthDate: "1991-05-05"));
        Assert.Equal([ReasonCode.BirthDateMismatch], third.Reasons.Select(r => r.Code));
        var conflict = await db.Findings.SingleAsync(f => f.RegistrationId == third.StoredId);
        Assert.DoesNotContain(versions[0].Id, conflict.ConflictingRegistrationIds);
    }

    [Fact]
    public async Task A_version_a_correction_replaced_is_no_history_for_a_later_registration()
    {
        // A registers resident 3 correctly, then corrects the record to resident 4 (it was the wrong person).
        Assert.Equal("JlisConfirmed", (await fixture.SendAsync(Record("MOVE-A", 3))).Reasons.Single().Code.ToString());
        await fixture.SendAsync(TestData.Correction(Record("MOVE-A", 4)));

        // B registers resident 3: with A's first version still counting it would be a HistoryMatch; J-LIS is asked instead.
        var b = await fixture.SendAsync(Record("MOVE-B", 3, TestData.InsurerB));
        Assert.Equal([ReasonCode.JlisConfirmed], b.Reasons.Select(r => r.Code));
    }

    [Fact]
    public async Task Each_operation_is_applied_once_when_it_is_delivered_again()
    {
        await fixture.SendAsync(Record("ONCE-B", 5, TestData.InsurerB));
        await fixture.SendAsync(Record("ONCE-1", 5, birthDate: "1991-05-05"));
        await fixture.SendAsync(Record("ONCE-2", 6));
        await fixture.SendAsync(Record("ONCE-3-B", 7, TestData.InsurerB));
        await fixture.SendAsync(Record("ONCE-3", 7, birthDate: "1992-02-02"));
        var correction = TestData.Correction(Record("ONCE-1", 8));
        var withdrawal = TestData.Withdrawal("ONCE-2");
        var answer = TestData.Answer("ONCE-3");

        var first = await fixture.SendAsync(null, correction, withdrawal, answer);
        // Delivered again, alone and within one chunk with itself.
        var again = await fixture.SendAsync(null, correction, withdrawal, answer, answer);

        Assert.All(first, r => Assert.Equal(RegistrationResultKind.Decided, r.Kind));
        Assert.All(again, r => Assert.Equal(RegistrationResultKind.Duplicate, r.Kind));
        Assert.All(again, r => Assert.Equal([ReasonCode.OperationRepeated], r.Reasons.Select(x => x.Code)));
        Assert.Equal(2, (await fixture.VersionsAsync("ONCE-1")).Count);
        await using var db = fixture.CreateDbContext();
        Assert.Equal(3, await db.Set<AppliedOperation>().CountAsync(o => o.RegistrationId.StartsWith("ONCE-")));
        var noticeIds = first.Select(r => r.NoticeId!.Value).ToArray();
        Assert.Equal(3, await db.InsurerNotices().CountAsync(n => noticeIds.Contains(n.NoticeId)));
        Assert.All(again, r => Assert.Null(r.NoticeId));

        // The same operation id is the same operation, whatever else changed.
        var byId = await fixture.SendAsync(TestData.Correction(Record("ONCE-2", 9), operationId: "OP-1"));
        Assert.Equal(RegistrationResultKind.Refused, byId.Kind); // ONCE-2 is withdrawn
        await fixture.SendAsync(Record("ONCE-4", 10));
        Assert.Equal(RegistrationResultKind.Decided, (await fixture.SendAsync(TestData.Correction(Record("ONCE-4", 11), "OP-2"))).Kind);
        Assert.Equal(RegistrationResultKind.Duplicate, (await fixture.SendAsync(TestData.Correction(Record("ONCE-4", 12), "OP-2"))).Kind);
        Assert.Equal(2, (await fixture.VersionsAsync("ONCE-4")).Count);
    }

    [Fact]
    public async Task An_insurer_can_touch_only_its_own_records()
    {
        var theirs = await fixture.SendAsync(Record("OWN-B", 13, TestData.InsurerB));

        // Naming the other insurer: refused as any record naming another insurer than its sender.
        var named = (await fixture.SendAsync(TestData.InsurerA, TestData.Withdrawal("OWN-B", insurer: TestData.InsurerB)))[0];
        // Under its own insurer number: it has no such record.
        var own = await fixture.SendAsync(TestData.Withdrawal("OWN-B"));
        var answer = await fixture.SendAsync(TestData.Answer("OWN-B"));
        var correction = await fixture.SendAsync(TestData.Correction(Record("OWN-B", 14)));

        Assert.Equal([ReasonCode.InsurerNumberInvalid], named.Reasons.Select(r => r.Code));
        Assert.All([own, answer, correction], r => Assert.Equal((RegistrationResultKind.Refused, ReasonCode.RecordNotFound), (r.Kind, r.Reasons.Single().Code)));
        var b = Assert.Single(await fixture.VersionsAsync("OWN-B", TestData.InsurerB));
        Assert.Equal((theirs.StoredId, RegistrationStates.Usable, (DateTimeOffset?)null), (b.Id, b.State, b.RetiredAt));
        Assert.Empty(await fixture.VersionsAsync("OWN-B"));
        // A's refusal notices go to A and say nothing of B's record.
        await using var db = fixture.CreateDbContext();
        var refusal = await db.InsurerNotices().SingleAsync(n => n.NoticeId == own.NoticeId);
        Assert.Equal(TestData.InsurerA, refusal.InsurerNumber);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(refusal.PayloadJson).RootElement.GetProperty("personalNumberMasked").ValueKind);
    }

    [Fact]
    public async Task A_correction_that_is_itself_wrong_is_flagged_again_and_an_invalid_one_changes_nothing()
    {
        await fixture.SendAsync(Record("AGAIN-B", 15, TestData.InsurerB));
        await fixture.SendAsync(Record("AGAIN-A", 15, birthDate: "1991-05-05"));

        var stillWrong = await fixture.SendAsync(TestData.Correction(Record("AGAIN-A", 15, birthDate: "1993-03-03")));
        var invalid = await fixture.SendAsync(TestData.Correction(Record("AGAIN-A", 16) with { BirthDate = "not a date" }));

        Assert.Equal((Outcomes.Suspected, ReasonCode.BirthDateMismatch), (stillWrong.Outcome, stillWrong.Reasons.Single().Code));
        Assert.Equal((RegistrationResultKind.Refused, ReasonCode.BirthDateInvalid), (invalid.Kind, invalid.Reasons.Single().Code));
        var versions = await fixture.VersionsAsync("AGAIN-A");
        Assert.Equal([RegistrationStates.Superseded, RegistrationStates.Held], versions.Select(v => v.State));
        await using var db = fixture.CreateDbContext();
        Assert.Equal(FindingStatuses.Corrected, (await db.Findings.SingleAsync(f => f.RegistrationId == versions[0].Id)).Status);
        Assert.Equal(FindingStatuses.Open, (await db.Findings.SingleAsync(f => f.RegistrationId == versions[1].Id)).Status);
    }

    [Fact]
    public async Task An_answer_releases_a_suspected_record_and_suppresses_its_pair_but_an_accepted_record_cannot_be_answered()
    {
        await fixture.SendAsync(Record("TWIN-B", 17, TestData.InsurerB));
        var twin = await fixture.SendAsync(Record("TWIN-A", 17, name: "シカク ナツコ"));
        Assert.Equal(Outcomes.Suspected, twin.Outcome);

        var answered = await fixture.SendAsync(TestData.Answer("TWIN-A"));
        var onAccepted = await fixture.SendAsync(TestData.Answer("TWIN-B", insurer: TestData.InsurerB));
        var noReason = await fixture.SendAsync(TestData.Answer("TWIN-A") with { OperationNote = " " });

        Assert.Equal((RegistrationResultKind.Decided, Outcomes.Answered), (answered.Kind, answered.Outcome));
        Assert.Equal((RegistrationResultKind.Refused, ReasonCode.NotSuspected), (onAccepted.Kind, onAccepted.Reasons.Single().Code));
        Assert.Equal((RegistrationResultKind.Refused, ReasonCode.OperationInvalid), (noReason.Kind, noReason.Reasons.Single().Code));
        var version = Assert.Single(await fixture.VersionsAsync("TWIN-A"));
        Assert.Equal((Outcomes.Suspected, RegistrationStates.Usable), (version.Outcome, version.State));
        await using var db = fixture.CreateDbContext();
        var finding = await db.Findings.SingleAsync(f => f.RegistrationId == version.Id);
        Assert.Equal(FindingStatuses.Answered, finding.Status);
        var suppression = await db.Set<FindingSuppression>().SingleAsync(s => s.FindingId == finding.Id);
        Assert.Equal((RegistrationOperations.AnswerReasons.VerifiedTwins, "insurer:" + TestData.InsurerA, (Guid?)finding.ConflictingRegistrationIds.Single()),
            (suppression.ReasonCategory, suppression.CreatedBy, suppression.OtherRegistrationId));
        var released = Assert.Single(await db.StateEvents().Where(n => n.RegistrationId == version.Id && n.Outcome == RegistrationStates.Usable).ToListAsync());
        Assert.Equal(TestData.InsurerA, released.InsurerNumber);
    }

    [Fact]
    public async Task A_withdrawn_record_leaves_use_and_the_history_and_takes_no_further_operation()
    {
        await fixture.SendAsync(Record("GONE-A", 18));

        var withdrawn = await fixture.SendAsync(TestData.Withdrawal("GONE-A", RegistrationOperations.WithdrawalReasons.QualificationLost));
        var later = await fixture.SendAsync(TestData.Correction(Record("GONE-A", 19)));
        var otherReason = await fixture.SendAsync(TestData.Withdrawal("GONE-A", RegistrationOperations.WithdrawalReasons.Duplicate));
        var b = await fixture.SendAsync(Record("GONE-B", 18, TestData.InsurerB));

        Assert.Equal(Outcomes.Withdrawn, withdrawn.Outcome);
        Assert.Contains("資格喪失", withdrawn.Reasons.Single().Message);
        Assert.All([later, otherReason], r => Assert.Equal(ReasonCode.RecordWithdrawn, r.Reasons.Single().Code));
        var version = Assert.Single(await fixture.VersionsAsync("GONE-A"));
        Assert.Equal(RegistrationStates.Withdrawn, version.State);
        Assert.NotNull(version.RetiredAt);
        // No longer history: B's registration of the same person is checked with J-LIS, not matched against A's.
        Assert.Equal([ReasonCode.JlisConfirmed], b.Reasons.Select(r => r.Code));
    }

    [Fact]
    public async Task Two_corrections_of_one_record_in_flight_end_in_one_final_version()
    {
        for (var round = 0; round < 5; round++)
        {
            var id = $"RACE-{round}";
            await fixture.SendAsync(Record(id, 20 + round));

            await Task.WhenAll(
                fixture.SendAsync(TestData.Correction(Record(id, 30 + round))),
                fixture.SendAsync(TestData.Correction(Record(id, 40 + round))));

            var versions = await fixture.VersionsAsync(id);
            Assert.Equal([1, 2, 3], versions.Select(v => v.Version));
            Assert.Equal([true, true, false], versions.Select(v => v.RetiredAt is not null));
            Assert.Equal(RegistrationStates.Usable, versions[^1].State);
        }
    }

    [Fact]
    public async Task A_correction_racing_another_insurers_registration_of_the_same_number_is_decided_in_a_serial_order()
    {
        for (var round = 0; round < 8; round++)
        {
            var id = $"SERIAL-{round}";
            var number = 50 + round;
            await fixture.SendAsync(Record(id, 60 + round));

            // Both now say resident `number`: whichever comes second must find the first in the history.
            var results = await Task.WhenAll(
                fixture.SendAsync(TestData.Correction(Record(id, number))),
                fixture.SendAsync(Record($"SERIAL-B-{round}", number, TestData.InsurerB)));

            Assert.Equal(["HistoryMatch", "JlisConfirmed"], results.Select(r => r.Reasons.Single().Code.ToString()).Order());
        }
    }
}
