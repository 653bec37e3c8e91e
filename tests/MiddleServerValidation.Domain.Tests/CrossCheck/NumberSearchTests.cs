using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Domain.PersonalNumbers;
using MiddleServerValidation.Domain.Registration;
using static MiddleServerValidation.Domain.Tests.CrossCheck.Scenario;

namespace MiddleServerValidation.Domain.Tests.CrossCheck;

/// <summary>
/// A registration without a personal number, decided on J-LIS's search by its facts (DOMAIN.md §6, issue 13 item 6):
/// a number only for exactly one resident agreeing on all five facts; anything less is said, never guessed.
/// </summary>
public class NumberSearchTests
{
    private const string FoundNumber = "222222222225";
    private static readonly RuleSet Every = RuleSets.Current.WithPolicy(JlisCheckPolicy.EveryRegistration);
    private static readonly RuleSet WithoutHistory = RuleSets.Current.WithPolicy(JlisCheckPolicy.WithoutHistory);

    private static Candidate NoNumber(string? kanjiName = "髙橋 花子", string? address = "世田谷区三軒茶屋1-27-5") =>
        Candidate(personalNumber: null) with { KanjiName = kanjiName, Address = address };

    private static SearchCandidate Resident(string number = FoundNumber, string? kanjiName = "高橋 花子", string? address = "東京都世田谷区三軒茶屋一丁目27番5号") =>
        new(PersonalNumber.Parse(number).Value, Scenario.Resident() with { KanjiName = kanjiName, Address = address });

    private static ResidentAnswer.Searched Searched(params SearchCandidate[] candidates) => new(candidates, false);

    private static Decision Decide(Candidate candidate, ResidentAnswer? answer) => CrossCheckEngine.Decide(candidate, [], answer, Every);

    [Fact]
    public void Only_a_registration_without_a_number_is_searched_for_and_only_under_the_2024_rules()
    {
        Assert.True(CrossCheckEngine.NeedsResidentSearch(NoNumber(), Every));
        Assert.False(CrossCheckEngine.NeedsResidentSearch(NoNumber(), WithoutHistory));
        Assert.False(CrossCheckEngine.NeedsResidentSearch(Candidate(), Every));
    }

    [Fact]
    public void One_resident_agreeing_on_all_five_facts_gives_the_number_masked_in_the_reason()
    {
        var decision = Decide(NoNumber(), Searched(Resident()));

        Assert.Equal(Outcome.Accepted, decision.Outcome);
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal(ReasonCode.PersonalNumberFound, reason.Code);
        Assert.Equal("personalNumber", reason.Field);
        Assert.Contains("********2225", reason.Message);
        Assert.DoesNotContain(FoundNumber[..8], reason.Message);
        Assert.Equal(FoundNumber, decision.FoundNumber!.Value.Value);
        Assert.DoesNotContain(FoundNumber, decision.ToString());
        Assert.Empty(decision.Findings);
    }

    [Fact]
    public void No_resident_is_said_and_no_number_is_taken()
    {
        var decision = Decide(NoNumber(), Searched());

        Assert.Equal([ReasonCode.PersonalNumberMissing, ReasonCode.NumberSearchNoResident], decision.Reasons.Select(r => r.Code));
        Assert.Null(decision.FoundNumber);
        Assert.Equal(Outcome.Accepted, decision.Outcome);
    }

    [Fact]
    public void Several_residents_are_never_a_guess_even_when_one_of_them_agrees_on_everything()
    {
        var several = Decide(NoNumber(), Searched(Resident(), Resident("333333333332", kanjiName: "高橋 花", address: null)));
        var truncated = Decide(NoNumber(), new ResidentAnswer.Searched([Resident()], IsTruncated: true));

        Assert.Equal([ReasonCode.PersonalNumberMissing, ReasonCode.NumberSearchSeveralResidents], several.Reasons.Select(r => r.Code));
        Assert.Equal([ReasonCode.PersonalNumberMissing, ReasonCode.NumberSearchSeveralResidents], truncated.Reasons.Select(r => r.Code));
        Assert.Null(several.FoundNumber);
        Assert.Null(truncated.FoundNumber);
    }

    [Theory]
    [InlineData("髙橋 花子", "大阪府大阪市北区梅田1-1-1", "高橋 花子", "東京都世田谷区三軒茶屋一丁目27番5号", "住所")] // moved: J-LIS's address differs
    [InlineData(null, "世田谷区三軒茶屋1-27-5", "高橋 花子", "東京都世田谷区三軒茶屋一丁目27番5号", "漢字氏名")] // the insurer sent no kanji name
    [InlineData("髙橋 花子", null, "高橋 花子", "東京都世田谷区三軒茶屋一丁目27番5号", "住所")] // nor an address: three facts are not enough
    [InlineData("髙橋 花子", "世田谷区三軒茶屋1-27-5", null, "東京都世田谷区三軒茶屋一丁目27番5号", "漢字氏名")] // J-LIS does not say
    [InlineData("●橋 花子", "世田谷区三軒茶屋1-27-5", "高橋 花子", "東京都世田谷区三軒茶屋一丁目27番5号", "漢字氏名")] // a lost character
    public void One_resident_agreeing_on_fewer_facts_is_said_with_the_facts_named_never_their_values(
        string? kanjiName, string? address, string? residentKanji, string? residentAddress, string unconfirmed)
    {
        var decision = Decide(NoNumber(kanjiName, address), Searched(Resident(kanjiName: residentKanji, address: residentAddress)));

        Assert.Equal([ReasonCode.PersonalNumberMissing, ReasonCode.NumberSearchPartialMatch], decision.Reasons.Select(r => r.Code));
        Assert.Contains(unconfirmed, decision.Reasons[1].Message);
        Assert.Null(decision.FoundNumber);
        AssertDiscloses_nothing_of(decision, "梅田", "三軒茶屋", "高橋", "2225");
    }

    [Fact]
    public void J_LIS_unavailable_leaves_the_record_without_a_number_and_says_so()
    {
        var decision = Decide(NoNumber(), new ResidentAnswer.Unavailable("timeout"));

        Assert.Equal([ReasonCode.PersonalNumberMissing, ReasonCode.NumberSearchUnavailable], decision.Reasons.Select(r => r.Code));
        Assert.Equal(Outcome.Accepted, decision.Outcome);
        Assert.DoesNotContain("timeout", decision.Reasons[1].Message);
    }

    [Fact]
    public void Not_searched_is_the_rule_of_before_a_number_missing()
    {
        var decision = CrossCheckEngine.Decide(NoNumber(), [], null, WithoutHistory);

        Assert.Equal([ReasonCode.PersonalNumberMissing], decision.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void The_search_answer_names_no_number_when_printed()
    {
        var answer = Searched(Resident());

        Assert.DoesNotContain(FoundNumber, answer.ToString());
        Assert.DoesNotContain(FoundNumber, answer.Candidates[0].ToString());
    }
}
