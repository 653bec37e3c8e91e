using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Domain.Registration;
using static MiddleServerValidation.Domain.Tests.CrossCheck.Scenario;

namespace MiddleServerValidation.Domain.Tests.CrossCheck;

/// <summary>
/// The check policy (every registration checked against J-LIS, or only those without history) and the five facts
/// compared when J-LIS is asked; J-LIS deciding which side of a conflict is wrong (issue 13).
/// </summary>
public class JlisPolicyTests
{
    private static readonly RuleSet Every = RuleSets.Current.WithPolicy(JlisCheckPolicy.EveryRegistration);
    private static readonly RuleSet WithoutHistory = RuleSets.Current.WithPolicy(JlisCheckPolicy.WithoutHistory);

    private static ResidentAnswer.Found FullResident(string kanjiName = "四角 花子", string address = "東京都世田谷区三軒茶屋一丁目27番5号") =>
        Resident() with { KanjiName = kanjiName, Address = address };

    private static Candidate Full(string? kanjiName = "四角 花子", string? address = "世田谷区三軒茶屋1-27-5") =>
        Candidate() with { KanjiName = kanjiName, Address = address };

    [Fact]
    public void Only_numbers_without_history_are_asked_under_the_old_policy_every_one_under_the_new()
    {
        Assert.False(CrossCheckEngine.NeedsResidentLookup(Candidate(), [Earlier(1)], WithoutHistory));
        Assert.True(CrossCheckEngine.NeedsResidentLookup(Candidate(), [Earlier(1)], Every));
        Assert.True(CrossCheckEngine.NeedsResidentLookup(Candidate(), [], WithoutHistory));
        Assert.Throws<ArgumentException>(() => CrossCheckEngine.Decide(Candidate(), [Earlier(1)], null, Every));
        Assert.Equal(ReasonCode.HistoryMatch, CrossCheckEngine.Decide(Candidate(), [Earlier(1)], null, WithoutHistory).Reasons[0].Code);
        Assert.Equal("2026.11.1", Every.Version);
        Assert.True(Every.IsCurrent);
    }

    [Fact]
    public void With_history_that_agrees_J_LIS_still_confirms_all_five_facts()
    {
        var decision = CrossCheckEngine.Decide(Full(), [Earlier(1)], FullResident(kanjiName: "四角 花子"), Every);

        Assert.Equal(Outcome.Accepted, decision.Outcome);
        Assert.Equal([ReasonCode.JlisConfirmed], decision.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void A_kanji_name_J_LIS_does_not_have_holds_the_record_even_when_history_agrees()
    {
        var decision = CrossCheckEngine.Decide(Full(kanjiName: "三角 花子"), [Earlier(1)], FullResident(), Every);

        var finding = AssertSuspected(decision, ReasonCode.JlisKanjiNameMismatch, "kanjiName", RuleIds.JlisMismatch);
        var difference = Assert.Single(finding.Differences);
        Assert.Equal("kanjiName", difference.Field);
        // The evidence table is not encrypted: neither side's kanji name is written into it.
        Assert.DoesNotContain("角", difference.CandidateValue + difference.OtherValue);
        AssertDiscloses_nothing_of(decision, "三角", "四角");
    }

    [Fact]
    public void A_variant_kanji_is_the_same_name()
    {
        var decision = CrossCheckEngine.Decide(Candidate() with { KanjiName = "髙橋 花子" }, [], Resident() with { KanjiName = "高橋 花子" }, Every);

        Assert.Equal([ReasonCode.JlisConfirmed], decision.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void A_moved_address_alone_is_a_warning_not_a_hold()
    {
        var decision = CrossCheckEngine.Decide(Full(address: "大阪府大阪市北区梅田1-1-1"), [Earlier(1)], FullResident(), Every);

        Assert.Equal(Outcome.Accepted, decision.Outcome);
        Assert.Equal([ReasonCode.JlisAddressMismatch], decision.Reasons.Select(r => r.Code));
        Assert.Empty(decision.Findings);
        AssertDiscloses_nothing_of(decision, "梅田", "三軒茶屋");
    }

    [Fact]
    public void A_moved_address_adds_to_a_birthdate_mismatch()
    {
        var decision = CrossCheckEngine.Decide(
            Full(address: "大阪府大阪市北区梅田1-1-1"), [], FullResident() with { BirthDate = new DateOnly(1990, 1, 1) }, Every);

        AssertSuspected(decision, ReasonCode.JlisBirthDateMismatch, "birthDate", RuleIds.JlisMismatch);
        Assert.Contains(decision.Reasons, r => r.Code == ReasonCode.JlisAddressMismatch);
    }

    [Fact]
    public void A_lost_character_is_unknown_and_asks_for_the_right_character()
    {
        var decision = CrossCheckEngine.Decide(Full(kanjiName: "●角 花子"), [], FullResident(), Every);

        Assert.Equal(Outcome.Accepted, decision.Outcome);
        Assert.Equal([ReasonCode.JlisConfirmed, ReasonCode.CharacterLost], decision.Reasons.Select(r => r.Code));
        Assert.Equal("kanjiName", decision.Reasons[1].Field);
    }

    [Fact]
    public void Facts_the_insurer_did_not_send_are_not_compared()
    {
        var decision = CrossCheckEngine.Decide(Candidate(), [], FullResident(), Every);

        Assert.Equal([ReasonCode.JlisConfirmed], decision.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void J_LIS_unreachable_leaves_a_record_with_history_pending_too()
    {
        var decision = CrossCheckEngine.Decide(Candidate(), [Earlier(1)], new ResidentAnswer.Unavailable("503"), Every);

        Assert.Equal(Outcome.Pending, decision.Outcome);
    }

    [Fact]
    public void When_the_earlier_registration_disagrees_with_J_LIS_it_is_the_suspect_not_the_new_one()
    {
        var wrongEarlier = Earlier(1, birthDate: new DateOnly(1979, 9, 13));

        var decision = CrossCheckEngine.Decide(Candidate(), [wrongEarlier], Resident(), Every);

        Assert.Equal(Outcome.Accepted, decision.Outcome);
        Assert.Equal(ReasonCode.JlisConfirmed, decision.Reasons[0].Code);
        Assert.Empty(decision.Findings);
        var suspect = Assert.Single(decision.Suspects);
        Assert.Equal(Id(1), suspect.RegistrationId);
        Assert.Equal(OtherInsurer, suspect.InsurerNumber);
        Assert.Equal(ReasonCode.JlisBirthDateMismatch, suspect.Reasons[0].Code);
        Assert.Equal(RuleIds.JlisEarlierMismatch, suspect.Finding.RuleId);
        Assert.Equal(Outcome.Suspected, ReasonCatalog.CombinedOutcome(suspect.Reasons));
        // The earlier insurer is told about its own record only: nothing of the new registration or its insurer.
        foreach (var reason in suspect.Reasons)
        {
            Assert.DoesNotContain("06139992", reason.Message);
            Assert.DoesNotContain("1989", reason.Message);
        }
    }

    [Fact]
    public void When_the_new_registration_disagrees_with_J_LIS_it_stays_the_suspect()
    {
        var decision = CrossCheckEngine.Decide(Candidate(birthDate: "1979-09-13"), [Earlier(1)], Resident(), Every);

        AssertSuspected(decision, ReasonCode.BirthDateMismatch, "birthDate", RuleIds.HistoryBirthDate);
        Assert.Contains(decision.Reasons, r => r.Code == ReasonCode.JlisBirthDateMismatch);
        Assert.Empty(decision.Suspects);
    }

    [Fact]
    public void When_J_LIS_cannot_tell_the_new_registration_stays_the_suspect()
    {
        // Another given name earlier; J-LIS's kana name has a lost character, so it cannot say which is right.
        var decision = CrossCheckEngine.Decide(Candidate(), [Earlier(1, "シカク ジロウ")], Resident("シカク ●●●"), Every);

        AssertSuspected(decision, ReasonCode.KanaNameMismatch, "kanaName", RuleIds.HistoryGivenName);
        Assert.Empty(decision.Suspects);
    }

    [Fact]
    public void Under_the_old_policy_history_decides_alone()
    {
        var decision = CrossCheckEngine.Decide(Candidate(), [Earlier(1, birthDate: new DateOnly(1979, 9, 13))], null, WithoutHistory);

        AssertSuspected(decision, ReasonCode.BirthDateMismatch, "birthDate", RuleIds.HistoryBirthDate);
        Assert.Empty(decision.Suspects);
    }
}
