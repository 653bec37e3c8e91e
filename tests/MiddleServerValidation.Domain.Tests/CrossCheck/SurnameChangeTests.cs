using MiddleServerValidation.Domain.CrossCheck;
using static MiddleServerValidation.Domain.Tests.CrossCheck.Scenario;

namespace MiddleServerValidation.Domain.Tests.CrossCheck;

/// <summary>Same number, birthdate and given name, another surname (marriage, divorce): J-LIS decides.</summary>
public class SurnameChangeTests
{
    private static readonly EarlierRegistration[] MaidenName = [Earlier(1, "ヤマダ ハナコ")];

    [Fact]
    public void It_needs_the_resident_registry()
    {
        Assert.True(CrossCheckEngine.NeedsResidentLookup(Candidate(), MaidenName));
    }

    [Theory]
    [InlineData("シカク ハナコ")]
    [InlineData("ｼｶｸ ﾊﾅｺ")]
    [InlineData("シカク ハ●コ")]
    public void J_LIS_with_the_new_name_confirms_it(string residentName)
    {
        var decision = CrossCheckEngine.Decide(Candidate(), MaidenName, Resident(residentName));

        Assert.Equal(Outcome.Accepted, decision.Outcome);
        Assert.Equal(ReasonCode.JlisConfirmed, Assert.Single(decision.Reasons).Code);
        Assert.Empty(decision.Findings);
    }

    [Fact]
    public void J_LIS_with_the_old_name_is_a_mismatch_with_evidence_from_both_sources()
    {
        var decision = CrossCheckEngine.Decide(Candidate(), MaidenName, Resident("ヤマダ ハナコ"));

        var finding = AssertSuspected(decision, ReasonCode.JlisKanaNameMismatch, "kanaName", RuleIds.HistorySurnameJlis);
        Assert.Equal(
            [
                new FieldDifference("kanaName", "シカク ハナコ", "ヤマダ ハナコ", $"registration:{Id(1)}"),
                new FieldDifference("kanaName", "シカク ハナコ", "ヤマダ ハナコ", "jlis"),
            ],
            finding.Differences);
        Assert.Equal([Id(1)], finding.ConflictingRegistrationIds);
        AssertDiscloses_nothing_of(decision, "ヤマダ");
    }

    [Fact]
    public void J_LIS_without_the_number_is_a_mismatch()
    {
        var decision = CrossCheckEngine.Decide(Candidate(), MaidenName, new ResidentAnswer.NotFound());

        AssertSuspected(decision, ReasonCode.JlisMismatch, "kanaName", RuleIds.HistorySurnameJlis);
        AssertDiscloses_nothing_of(decision, "ヤマダ");
    }

    [Fact]
    public void J_LIS_unreachable_leaves_it_pending()
    {
        var decision = CrossCheckEngine.Decide(Candidate(cardNumber: null), MaidenName, new ResidentAnswer.Unavailable("timeout"));

        Assert.Equal(Outcome.Pending, decision.Outcome);
        Assert.Equal([ReasonCode.JlisUnavailable, ReasonCode.CardInfoMissing], decision.Reasons.Select(r => r.Code));
        Assert.Empty(decision.Findings);
        Assert.DoesNotContain("timeout", decision.Reasons[0].Message);
    }

    [Fact]
    public void Deciding_without_the_needed_answer_is_a_programming_error()
    {
        var error = Assert.Throws<ArgumentException>(() => CrossCheckEngine.Decide(Candidate(), MaidenName, null));

        Assert.Equal("answer", error.ParamName);
    }
}
