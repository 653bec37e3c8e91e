using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain.Registration;
using MiddleServerValidation.Domain.Tests.TestSupport;

namespace MiddleServerValidation.Domain.Tests.Registration;

public class RegistrationReaderTests
{
    private readonly RegistrationReader reader = new(FixedClock.JapanNoon);

    [Fact]
    public void A_valid_record_becomes_a_normalised_candidate()
    {
        var result = reader.Read(new RegisterEnrollee
        {
            RegistrationId = " A-0001 ",
            InsurerNumber = "０６１３９９９２",
            PersonalNumber = "１１１１１１１１１１１８",
            BirthDate = "平成元年9月13日",
            KanaName = "ｼｶｸ ﾊﾅｺ",
            Sex = "２",
            CardSymbol = "７７",
            CardNumber = " 5501 ",
            BranchNumber = "０１",
            QualificationDate = "R3.7.1",
            BatchId = "",
        });

        Assert.True(result.IsValid);
        Assert.Empty(result.Problems);
        var candidate = result.Candidate!;
        Assert.Equal("06139992", candidate.InsurerNumber);
        Assert.Equal("A-0001", candidate.RegistrationId);
        Assert.Null(candidate.BatchId);
        Assert.Equal("111111111118", candidate.PersonalNumber!.Value.Value);
        Assert.Equal(new DateOnly(1989, 9, 13), candidate.BirthDate);
        Assert.Equal("シカク ハナコ", candidate.KanaName.Normalized);
        Assert.Equal(Sex.Female, candidate.Sex);
        Assert.Equal("７７", candidate.CardSymbol);
        Assert.Equal("5501", candidate.CardNumber);
        Assert.Equal("01", candidate.BranchNumber);
        Assert.Equal(new DateOnly(2021, 7, 1), candidate.QualificationDate);
        Assert.True(candidate.HasCardInfo);
    }

    [Fact]
    public void Absent_optional_fields_are_null()
    {
        var result = reader.Read(new RegisterEnrollee
        {
            RegistrationId = "A-0002",
            InsurerNumber = "138057",
            BirthDate = "4010913",
            KanaName = "しかく はなこ",
        });

        var candidate = result.Candidate!;
        Assert.Null(candidate.PersonalNumber);
        Assert.Null(candidate.Sex);
        Assert.Null(candidate.CardSymbol);
        Assert.Null(candidate.CardNumber);
        Assert.Null(candidate.BranchNumber);
        Assert.Null(candidate.QualificationDate);
        Assert.False(candidate.HasCardInfo);
    }

    [Fact]
    public void An_invalid_record_gives_every_problem_and_no_candidate()
    {
        var result = reader.Read(RegisterEnrolleeValidatorTests.ValidRecord() with
        {
            PersonalNumber = "111111111119",
            KanaName = "",
            CardNumber = "55●1",
        });

        Assert.False(result.IsValid);
        Assert.Null(result.Candidate);
        Assert.Equal(
            [
                new Reason(ReasonCode.PersonalNumberCheckDigit, "personalNumber",
                    "個人番号の検査用数字（12桁目）が一致しません。個人番号に誤りがないか確認してください。"),
                new Reason(ReasonCode.FieldMissing, "kanaName", "カナ氏名が指定されていません。"),
                new Reason(ReasonCode.CardNumberInvalidCharacter, "cardNumber",
                    "番号に「●」が含まれています。「●」は旧システムで保存できなかった文字の代わりに入ったものです。正しい文字で再登録してください。"),
            ],
            result.Problems);
    }

    [Fact]
    public void The_text_forms_never_show_the_personal_number()
    {
        var result = reader.Read(RegisterEnrolleeValidatorTests.ValidRecord());

        Assert.DoesNotContain("11111111", result.ToString());
        Assert.DoesNotContain("11111111", result.Candidate!.ToString());
        Assert.Contains("********1118", result.Candidate.ToString());
    }
}
