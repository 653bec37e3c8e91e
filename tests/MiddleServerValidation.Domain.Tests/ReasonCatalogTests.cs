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

    [Theory]
    [InlineData(new[] { ReasonCode.HistoryMatch, ReasonCode.CardInfoMissing }, Outcome.Accepted)]
    [InlineData(new[] { ReasonCode.KanaNameMismatch, ReasonCode.CardInfoMissing }, Outcome.Suspected)]
    [InlineData(new[] { ReasonCode.JlisUnavailable, ReasonCode.CardInfoMissing }, Outcome.Pending)]
    [InlineData(new[] { ReasonCode.CardInfoMissing, ReasonCode.FieldMissing }, Outcome.Rejected)]
    public void The_most_severe_reason_decides_the_outcome(ReasonCode[] codes, Outcome expected)
    {
        Assert.Equal(expected, ReasonCatalog.CombinedOutcome(codes.Select(code => Reason.Of(code))));
    }
}
