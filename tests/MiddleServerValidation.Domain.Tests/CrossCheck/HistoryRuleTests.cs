using MiddleServerValidation.Domain.CrossCheck;
using static MiddleServerValidation.Domain.Tests.CrossCheck.Scenario;

namespace MiddleServerValidation.Domain.Tests.CrossCheck;

public class HistoryRuleTests
{
    [Theory]
    [InlineData("ｼｶｸ ﾊﾅｺ", "シカク ハナコ")]
    [InlineData("しかく はなこ", "シカク ハナコ")]
    [InlineData("シカク\u3000ハナコ", "シカク ハナコ")]
    [InlineData("シカク  ハナコ ", "シカク ハナコ")]
    [InlineData("シカク ショウコ", "シカク シヨウコ")]
    [InlineData("ハットリ ハナコ", "ハツトリ ハナコ")]
    [InlineData("イダ ハナコ", "ヰダ ハナコ")]
    public void Spelling_variants_of_the_same_name_are_a_history_match(string registered, string earlier)
    {
        var decision = CrossCheckEngine.Decide(Candidate(registered), [Earlier(1, earlier)], null);

        Assert.Equal(Outcome.Accepted, decision.Outcome);
        Assert.Equal(ReasonCode.HistoryMatch, Assert.Single(decision.Reasons).Code);
        Assert.Empty(decision.Findings);
    }

    [Fact]
    public void Another_birthdate_is_a_suspected_wrong_number_listing_only_the_differing_registrations()
    {
        var history = new[] { Earlier(1), Earlier(2, birthDate: new DateOnly(1987, 9, 13)) };

        var decision = CrossCheckEngine.Decide(Candidate(), history, null);

        var finding = AssertSuspected(decision, ReasonCode.BirthDateMismatch, "birthDate", RuleIds.HistoryBirthDate);
        Assert.Equal([Id(2)], finding.ConflictingRegistrationIds);
        Assert.Equal([new FieldDifference("birthDate", "1989-09-13", "1987-09-13", $"registration:{Id(2)}")], finding.Differences);
        AssertDiscloses_nothing_of(decision, "1987", "昭和62");
    }

    [Theory]
    [InlineData("シカク ジロウ", "シカク タロウ")]
    [InlineData("ハナコ シカク", "シカク ハナコ")]
    [InlineData("ケイ キャリ", "ケイ キャリー")]
    [InlineData("シカク オオノ", "シカク オーノ")]
    public void Another_given_name_with_the_same_birthdate_is_a_suspected_mix_up(string registered, string earlier)
    {
        var decision = CrossCheckEngine.Decide(Candidate(registered), [Earlier(1, earlier)], null);

        var finding = AssertSuspected(decision, ReasonCode.KanaNameMismatch, "kanaName", RuleIds.HistoryGivenName);
        Assert.Equal([Id(1)], finding.ConflictingRegistrationIds);
        AssertDiscloses_nothing_of(decision, earlier);
    }

    // DOMAIN.md row 18: spaces are never removed, and without a split we cannot call it a surname change.
    [Theory]
    [InlineData("シカクハナコ", "シカク ハナコ")]
    [InlineData("シカク ハナコ", "シカクハナコ")]
    [InlineData("ヴィクトル", "ビクトル")]
    public void A_differing_name_without_a_split_is_a_mismatch(string registered, string earlier)
    {
        var decision = CrossCheckEngine.Decide(Candidate(registered), [Earlier(1, earlier)], null);

        AssertSuspected(decision, ReasonCode.KanaNameMismatch, "kanaName", RuleIds.HistoryNameSplit);
    }

    [Theory]
    [InlineData("シカク ●ナコ")]
    [InlineData("シカク 〓ナコ")]
    [InlineData("四角 花子")]
    [InlineData("")]
    public void An_earlier_name_with_lost_characters_is_unknown_not_a_mismatch(string earlier)
    {
        var candidate = Candidate();
        var history = new[] { Earlier(1, earlier) };

        var decision = CrossCheckEngine.Decide(candidate, history, null);

        Assert.False(CrossCheckEngine.NeedsResidentLookup(candidate, history));
        Assert.Equal(Outcome.Accepted, decision.Outcome);
        Assert.Equal(ReasonCode.HistoryMatch, Assert.Single(decision.Reasons).Code);
    }

    [Fact]
    public void Unknown_earlier_names_are_skipped_while_a_known_differing_one_still_counts()
    {
        var history = new[] { Earlier(1, "シカク ●ナコ"), Earlier(2, "シカク タロウ") };

        var decision = CrossCheckEngine.Decide(Candidate("シカク ジロウ"), history, null);

        var finding = AssertSuspected(decision, ReasonCode.KanaNameMismatch, "kanaName", RuleIds.HistoryGivenName);
        Assert.Equal([Id(2)], finding.ConflictingRegistrationIds);
    }

    [Fact]
    public void An_older_surname_is_explained_by_a_later_registration_with_the_new_one()
    {
        var history = new[] { Earlier(1, "ヤマダ ハナコ"), Earlier(2, "シカク ハナコ") };

        Assert.False(CrossCheckEngine.NeedsResidentLookup(Candidate(), history));
        Assert.Equal(ReasonCode.HistoryMatch, CrossCheckEngine.Decide(Candidate(), history, null).Reasons[0].Code);
    }

    [Fact]
    public void Without_a_personal_number_it_is_accepted_with_a_warning_and_history_is_not_consulted()
    {
        var candidate = Candidate(personalNumber: null);
        var history = new[] { Earlier(1, birthDate: new DateOnly(1987, 9, 13)) };

        var decision = CrossCheckEngine.Decide(candidate, history, null);

        Assert.False(CrossCheckEngine.NeedsResidentLookup(candidate, []));
        Assert.Equal(Outcome.Accepted, decision.Outcome);
        Assert.Equal([Reason.Of(ReasonCode.PersonalNumberMissing, "personalNumber")], decision.Reasons);
        Assert.Empty(decision.Findings);
    }

    [Fact]
    public void Without_number_or_card_both_warnings_are_given()
    {
        var decision = CrossCheckEngine.Decide(Candidate(personalNumber: null, cardNumber: null), [], null);

        Assert.Equal(Outcome.Accepted, decision.Outcome);
        Assert.Equal([ReasonCode.PersonalNumberMissing, ReasonCode.CardInfoMissing], decision.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void Missing_card_info_is_a_warning_on_a_history_match()
    {
        var decision = CrossCheckEngine.Decide(Candidate(cardNumber: null), [Earlier(1)], null);

        Assert.Equal(Outcome.Accepted, decision.Outcome);
        Assert.Equal(
            [Reason.Of(ReasonCode.HistoryMatch), Reason.Of(ReasonCode.CardInfoMissing, "cardNumber")],
            decision.Reasons);
    }

    [Fact]
    public void Missing_card_info_does_not_soften_a_suspicion()
    {
        var decision = CrossCheckEngine.Decide(Candidate(cardNumber: null), [Earlier(1, "シカク タロウ")], null);

        Assert.Equal(Outcome.Suspected, decision.Outcome);
        Assert.Equal([ReasonCode.KanaNameMismatch, ReasonCode.CardInfoMissing], decision.Reasons.Select(r => r.Code));
    }
}
