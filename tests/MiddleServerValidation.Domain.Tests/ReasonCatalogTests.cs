using MiddleServerValidation.Domain.Tests.TestSupport;

namespace MiddleServerValidation.Domain.Tests;

public class ReasonCatalogTests
{
    // design.md, "Reason codes" (FieldInvalid is ours: a malformed optional field rejects the record;
    // ReviewConfirmedError is the review console's: staff confirmed a Suspected record is wrong).
    [Theory]
    [InlineData(ReasonCode.FieldMissing, Outcome.Rejected)]
    [InlineData(ReasonCode.FieldInvalid, Outcome.Rejected)]
    [InlineData(ReasonCode.PersonalNumberFormat, Outcome.Rejected)]
    [InlineData(ReasonCode.PersonalNumberCheckDigit, Outcome.Rejected)]
    [InlineData(ReasonCode.BirthDateInvalid, Outcome.Rejected)]
    [InlineData(ReasonCode.KanaNameInvalid, Outcome.Rejected)]
    [InlineData(ReasonCode.InsurerNumberInvalid, Outcome.Rejected)]
    [InlineData(ReasonCode.CardNumberInvalidCharacter, Outcome.Rejected)]
    [InlineData(ReasonCode.BirthDateMismatch, Outcome.Suspected)]
    [InlineData(ReasonCode.KanaNameMismatch, Outcome.Suspected)]
    [InlineData(ReasonCode.JlisNotFound, Outcome.Suspected)]
    [InlineData(ReasonCode.JlisMismatch, Outcome.Suspected)]
    [InlineData(ReasonCode.HistoryMatch, Outcome.Accepted)]
    [InlineData(ReasonCode.JlisConfirmed, Outcome.Accepted)]
    [InlineData(ReasonCode.PersonalNumberMissing, Outcome.Accepted)]
    [InlineData(ReasonCode.CardInfoMissing, Outcome.Accepted)]
    [InlineData(ReasonCode.JlisUnavailable, Outcome.Pending)]
    [InlineData(ReasonCode.ReviewConfirmedError, Outcome.Suspected)]
    [InlineData(ReasonCode.SexMismatch, Outcome.Suspected)]
    [InlineData(ReasonCode.JlisKanjiNameMismatch, Outcome.Suspected)]
    [InlineData(ReasonCode.JlisKanaNameMismatch, Outcome.Suspected)]
    [InlineData(ReasonCode.JlisBirthDateMismatch, Outcome.Suspected)]
    [InlineData(ReasonCode.JlisSexMismatch, Outcome.Suspected)]
    [InlineData(ReasonCode.JlisAddressMismatch, Outcome.Accepted)]
    [InlineData(ReasonCode.CharacterLost, Outcome.Accepted)]
    [InlineData(ReasonCode.PersonalNumberFound, Outcome.Accepted)]
    [InlineData(ReasonCode.NumberSearchNoResident, Outcome.Accepted)]
    [InlineData(ReasonCode.NumberSearchSeveralResidents, Outcome.Accepted)]
    [InlineData(ReasonCode.NumberSearchPartialMatch, Outcome.Accepted)]
    [InlineData(ReasonCode.NumberSearchUnavailable, Outcome.Accepted)]
    public void Each_code_has_the_outcome_of_the_design_table(ReasonCode code, Outcome outcome)
    {
        Assert.Equal(outcome, ReasonCatalog.OutcomeOf(code));
    }

    [Fact]
    public void Every_code_has_a_Japanese_message()
    {
        Assert.All(Enum.GetValues<ReasonCode>(), code =>
            Assert.True(JapaneseText.IsJapanese(ReasonCatalog.MessageOf(code)), code.ToString()));
    }

    [Fact]
    public void The_birthdate_mismatch_text_is_the_agreed_one()
    {
        Assert.Equal(
            "この個人番号は別の生年月日で既に登録されています。個人番号に誤りがないか、本人に確認してください。",
            ReasonCatalog.MessageOf(ReasonCode.BirthDateMismatch));
    }

    // DOMAIN.md §4 and §6: kana is weaker evidence than kanji, birthdate or sex; an address is the weakest (moves).
    [Theory]
    [InlineData(ReasonCode.JlisBirthDateMismatch, MismatchWeight.High)]
    [InlineData(ReasonCode.JlisSexMismatch, MismatchWeight.High)]
    [InlineData(ReasonCode.JlisKanjiNameMismatch, MismatchWeight.High)]
    [InlineData(ReasonCode.JlisKanaNameMismatch, MismatchWeight.Medium)]
    [InlineData(ReasonCode.JlisAddressMismatch, MismatchWeight.Low)]
    [InlineData(ReasonCode.BirthDateMismatch, MismatchWeight.High)]
    [InlineData(ReasonCode.KanaNameMismatch, MismatchWeight.Medium)]
    [InlineData(ReasonCode.CharacterLost, MismatchWeight.None)]
    [InlineData(ReasonCode.JlisConfirmed, MismatchWeight.None)]
    [InlineData(ReasonCode.FieldMissing, MismatchWeight.None)]
    public void Each_j_lis_fact_has_its_weight(ReasonCode code, MismatchWeight weight)
    {
        Assert.Equal(weight, ReasonCatalog.WeightOf(code));
    }

    [Fact]
    public void Every_suspected_code_but_the_review_decision_weighs_at_least_medium_and_nothing_accepted_weighs_more_than_low()
    {
        var codes = Enum.GetValues<ReasonCode>();

        Assert.All(codes.Where(c => ReasonCatalog.OutcomeOf(c) == Outcome.Suspected && c != ReasonCode.ReviewConfirmedError),
            code => Assert.True(ReasonCatalog.WeightOf(code) >= MismatchWeight.Medium, code.ToString()));
        Assert.All(codes.Where(c => ReasonCatalog.OutcomeOf(c) != Outcome.Suspected),
            code => Assert.True(ReasonCatalog.WeightOf(code) <= MismatchWeight.Low, code.ToString()));
    }

    [Fact]
    public void The_address_message_asks_to_confirm_the_current_address()
    {
        var message = ReasonCatalog.MessageOf(ReasonCode.JlisAddressMismatch);

        Assert.Contains("転居", message, StringComparison.Ordinal);
        Assert.Contains("現住所", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_code_has_no_weight() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReasonCatalog.WeightOf((ReasonCode)999));

    [Theory]
    [InlineData(new[] { ReasonCode.JlisAddressMismatch, ReasonCode.JlisConfirmed }, Outcome.Accepted)]
    [InlineData(new[] { ReasonCode.JlisAddressMismatch, ReasonCode.JlisKanaNameMismatch }, Outcome.Suspected)]
    [InlineData(new[] { ReasonCode.HistoryMatch, ReasonCode.CardInfoMissing }, Outcome.Accepted)]
    [InlineData(new[] { ReasonCode.KanaNameMismatch, ReasonCode.CardInfoMissing }, Outcome.Suspected)]
    [InlineData(new[] { ReasonCode.JlisUnavailable, ReasonCode.CardInfoMissing }, Outcome.Pending)]
    [InlineData(new[] { ReasonCode.CardInfoMissing, ReasonCode.FieldMissing }, Outcome.Rejected)]
    public void The_most_severe_reason_decides_the_outcome(ReasonCode[] codes, Outcome expected)
    {
        Assert.Equal(expected, ReasonCatalog.CombinedOutcome(codes.Select(code => Reason.Of(code))));
    }
}
