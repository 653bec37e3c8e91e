using MiddleServerValidation.Domain.CrossCheck;
using static MiddleServerValidation.Domain.Tests.CrossCheck.Scenario;

namespace MiddleServerValidation.Domain.Tests.CrossCheck;

/// <summary>The rule-set registry and the sex check that the draft 2026.12.1 adds.</summary>
public class RuleSetTests
{
    [Fact]
    public void The_current_set_is_the_version_the_engine_records()
    {
        Assert.Equal("2026.11.1", RuleSets.Current.Version);
        Assert.Equal(CrossCheckEngine.RuleSetVersion, RuleSets.Current.Version);
        Assert.True(RuleSets.Current.IsCurrent);
        Assert.False(RuleSets.V2026_12_1.IsCurrent);
    }

    [Theory]
    [InlineData("2026.11.1", "2026.11.1")]
    [InlineData(" 2026.12.1 ", "2026.12.1")]
    [InlineData("2026.13.1", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Versions_are_found_by_their_exact_name(string? asked, string? found)
    {
        Assert.Equal(found, RuleSets.Find(asked)?.Version);
    }

    [Fact]
    public void Every_version_is_listed_once_with_a_Japanese_description()
    {
        Assert.Equal(RuleSets.All.Count, RuleSets.All.Select(set => set.Version).Distinct().Count());
        Assert.All(RuleSets.All, set => Assert.True(TestSupport.JapaneseText.IsJapanese(set.Description), set.Version));
    }

    [Fact]
    public void Under_the_current_set_another_sex_with_the_same_name_and_birthdate_is_a_match()
    {
        var decision = CrossCheckEngine.Decide(Candidate(sex: "1"), [Earlier(1, sex: Sex.Female)], null);

        Assert.Equal(Outcome.Accepted, decision.Outcome);
        Assert.Equal(ReasonCode.HistoryMatch, Assert.Single(decision.Reasons).Code);
    }

    [Fact]
    public void Under_2026_12_1_another_sex_with_the_same_name_and_birthdate_is_suspected()
    {
        var history = new[] { Earlier(1, sex: Sex.Male), Earlier(2, sex: Sex.Female), Earlier(3, sex: null) };

        var decision = CrossCheckEngine.Decide(Candidate(sex: "1"), history, null, RuleSets.V2026_12_1);

        Assert.Equal(Outcome.Suspected, decision.Outcome);
        var reason = decision.Reasons[0];
        Assert.Equal((ReasonCode.SexMismatch, "sex"), (reason.Code, reason.Field));
        var finding = Assert.Single(decision.Findings);
        Assert.Equal((ReasonCode.SexMismatch, RuleIds.HistorySex, "2026.12.1"), (finding.Code, finding.RuleId, finding.RuleSetVersion));
        Assert.Equal([Id(2)], finding.ConflictingRegistrationIds);
        Assert.Equal([new FieldDifference("sex", "1", "2", $"registration:{Id(2)}")], finding.Differences);
        AssertDiscloses_nothing_of(decision, "女", "Female");
    }

    [Theory]
    [InlineData(null, Sex.Female)]
    [InlineData("2", null)]
    [InlineData("2", Sex.Female)]
    public void Under_2026_12_1_an_unknown_or_equal_sex_is_still_a_match(string? candidateSex, Sex? earlierSex)
    {
        var decision = CrossCheckEngine.Decide(Candidate(sex: candidateSex), [Earlier(1, sex: earlierSex)], null, RuleSets.V2026_12_1);

        Assert.Equal(ReasonCode.HistoryMatch, Assert.Single(decision.Reasons).Code);
    }

    [Fact]
    public void Under_2026_12_1_a_name_or_birthdate_mismatch_keeps_its_own_reason()
    {
        var twins = CrossCheckEngine.Decide(
            Candidate("シカク タロウ", sex: "1"), [Earlier(1, "シカク ハナコ", sex: Sex.Female)], null, RuleSets.V2026_12_1);
        var otherBirthDate = CrossCheckEngine.Decide(
            Candidate(sex: "1"), [Earlier(1, birthDate: new DateOnly(1987, 9, 13), sex: Sex.Female)], null, RuleSets.V2026_12_1);

        Assert.Equal(RuleIds.HistoryGivenName, Assert.Single(twins.Findings).RuleId);
        Assert.Equal("2026.12.1", twins.Findings[0].RuleSetVersion);
        Assert.Equal(RuleIds.HistoryBirthDate, Assert.Single(otherBirthDate.Findings).RuleId);
    }

    [Fact]
    public void A_sex_mismatch_needs_no_J_LIS_answer()
    {
        Assert.False(CrossCheckEngine.NeedsResidentLookup(Candidate(sex: "1"), [Earlier(1, sex: Sex.Female)], RuleSets.V2026_12_1));
    }
}
