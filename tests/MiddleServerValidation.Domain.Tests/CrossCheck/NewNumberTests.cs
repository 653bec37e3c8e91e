using MiddleServerValidation.Domain.CrossCheck;
using static MiddleServerValidation.Domain.Tests.CrossCheck.Scenario;

namespace MiddleServerValidation.Domain.Tests.CrossCheck;

/// <summary>A number with no history (newborns, first registrations) is checked against J-LIS alone.</summary>
public class NewNumberTests
{
    [Theory]
    [InlineData("シカク ハナコ", Sex.Female, "2")]
    [InlineData("シカク ハナコ", null, "2")]
    [InlineData("シカク ハナコ", Sex.Female, null)]
    [InlineData("しかく　はなこ", Sex.Female, "2")]
    [InlineData("シカク ハ●コ", Sex.Female, "2")]
    public void J_LIS_with_the_same_person_confirms_it(string residentName, Sex? residentSex, string? sex)
    {
        var decision = CrossCheckEngine.Decide(Candidate(sex: sex), [], Resident(residentName, sex: residentSex));

        Assert.Equal(Outcome.Accepted, decision.Outcome);
        Assert.Equal(ReasonCode.JlisConfirmed, Assert.Single(decision.Reasons).Code);
        Assert.Empty(decision.Findings);
    }

    [Fact]
    public void A_number_J_LIS_does_not_know_is_suspected()
    {
        var decision = CrossCheckEngine.Decide(Candidate(), [], new ResidentAnswer.NotFound());

        var finding = AssertSuspected(decision, ReasonCode.JlisNotFound, "personalNumber", RuleIds.JlisNotFound);
        Assert.Empty(finding.Differences);
        Assert.Empty(finding.ConflictingRegistrationIds);
    }

    [Fact]
    public void Another_birthdate_in_J_LIS_is_a_mismatch_on_the_birthdate()
    {
        var decision = CrossCheckEngine.Decide(Candidate(), [], Resident(birthDate: new DateOnly(1989, 9, 14)));

        var finding = AssertSuspected(decision, ReasonCode.JlisBirthDateMismatch, "birthDate", RuleIds.JlisMismatch);
        Assert.Equal([new FieldDifference("birthDate", "1989-09-13", "1989-09-14", "jlis")], finding.Differences);
        Assert.Contains("生年月日", decision.Reasons[0].Message);
        AssertDiscloses_nothing_of(decision, "1989", "14");
    }

    [Fact]
    public void Another_sex_in_J_LIS_is_a_mismatch_on_the_sex()
    {
        var decision = CrossCheckEngine.Decide(Candidate(), [], Resident(sex: Sex.Male));

        var finding = AssertSuspected(decision, ReasonCode.JlisSexMismatch, "sex", RuleIds.JlisMismatch);
        Assert.Equal([new FieldDifference("sex", "2", "1", "jlis")], finding.Differences);
    }

    [Fact]
    public void Several_differing_fields_each_have_their_reason_the_heaviest_first()
    {
        var decision = CrossCheckEngine.Decide(Candidate(), [], Resident("シカク タロウ", new DateOnly(2004, 8, 4), Sex.Male));

        var finding = AssertSuspected(decision, ReasonCode.JlisBirthDateMismatch, "birthDate", RuleIds.JlisMismatch);
        Assert.Equal(["kanaName", "birthDate", "sex"], finding.Differences.Select(d => d.Field));
        Assert.Equal(
            [ReasonCode.JlisBirthDateMismatch, ReasonCode.JlisSexMismatch, ReasonCode.JlisKanaNameMismatch],
            decision.Reasons.Select(r => r.Code).Where(c => c != ReasonCode.CardInfoMissing));
        AssertDiscloses_nothing_of(decision, "シカク タロウ", "2004");
    }

    [Fact]
    public void J_LIS_unreachable_leaves_it_pending()
    {
        var decision = CrossCheckEngine.Decide(Candidate(), [], new ResidentAnswer.Unavailable("503"));

        Assert.Equal(Outcome.Pending, decision.Outcome);
        Assert.Equal([Reason.Of(ReasonCode.JlisUnavailable)], decision.Reasons);
    }

    [Fact]
    public void Deciding_without_the_needed_answer_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => CrossCheckEngine.Decide(Candidate(), [], null));
    }
}
