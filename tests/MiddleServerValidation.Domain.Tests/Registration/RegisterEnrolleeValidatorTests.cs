using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain.Registration;
using MiddleServerValidation.Domain.Tests.TestSupport;

namespace MiddleServerValidation.Domain.Tests.Registration;

public class RegisterEnrolleeValidatorTests
{
    private const string PersonalNumber = "123456789010"; // check digit wrong (the right one is 8)

    private readonly RegisterEnrolleeValidator validator = new(FixedClock.JapanNoon);

    [Fact]
    public void A_record_with_many_problems_reports_each_of_them_once()
    {
        var message = new RegisterEnrollee
        {
            RegistrationId = null,
            InsurerNumber = "01130013",
            PersonalNumber = PersonalNumber,
            BirthDate = "2030-01-01",
            KanaName = "Shikaku Hanako",
            Sex = "3",
            CardSymbol = "●",
            CardNumber = "12",
            BranchNumber = "1",
            QualificationDate = "H31.5.1",
            BatchId = new string('b', 65),
        };

        var result = validator.Validate(message);

        Assert.Equal(
            new[]
            {
                ("registrationId", "FieldMissing"),
                ("insurerNumber", "InsurerNumberInvalid"),
                ("personalNumber", "PersonalNumberCheckDigit"),
                ("birthDate", "BirthDateInvalid"),
                ("kanaName", "KanaNameInvalid"),
                ("sex", "FieldInvalid"),
                ("cardSymbol", "CardNumberInvalidCharacter"),
                ("branchNumber", "CardNumberInvalidCharacter"),
                ("qualificationDate", "FieldInvalid"),
                ("batchId", "FieldInvalid"),
            },
            result.Errors.Select(e => (e.PropertyName, e.ErrorCode)));
        Assert.All(result.Errors, e => Assert.True(JapaneseText.IsJapanese(e.ErrorMessage), e.ErrorMessage));
        Assert.All(result.Errors, e => Assert.DoesNotContain(PersonalNumber[..8], e.ErrorMessage));
        Assert.All(result.Errors, e => Assert.Equal(e.ErrorCode, ((Reason)e.CustomState).Code.ToString()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \u3000")]
    public void The_four_required_fields_are_FieldMissing_when_absent_or_blank(string? value)
    {
        var result = validator.Validate(new RegisterEnrollee
        {
            RegistrationId = value,
            InsurerNumber = value,
            BirthDate = value,
            KanaName = value,
        });

        Assert.Equal(
            ["registrationId", "insurerNumber", "birthDate", "kanaName"],
            result.Errors.Select(e => e.PropertyName));
        Assert.All(result.Errors, e => Assert.Equal("FieldMissing", e.ErrorCode));
        Assert.Equal("生年月日が指定されていません。", result.Errors[2].ErrorMessage);
    }

    [Fact]
    public void A_complete_valid_record_has_no_problems()
    {
        Assert.True(validator.Validate(ValidRecord()).IsValid);
    }

    [Fact]
    public void Optional_fields_may_be_absent()
    {
        var message = ValidRecord() with
        {
            PersonalNumber = null,
            Sex = "",
            CardSymbol = null,
            CardNumber = null,
            BranchNumber = null,
            QualificationDate = " ",
            BatchId = null,
        };

        Assert.True(validator.Validate(message).IsValid);
    }

    [Fact]
    public void Ids_of_64_characters_pass_and_65_do_not()
    {
        Assert.True(validator.Validate(ValidRecord() with { RegistrationId = new string('r', 64), BatchId = new string('b', 64) }).IsValid);

        var result = validator.Validate(ValidRecord() with { RegistrationId = new string('r', 65) });
        var error = Assert.Single(result.Errors);
        Assert.Equal(("registrationId", "FieldInvalid"), (error.PropertyName, error.ErrorCode));
        Assert.Contains("65文字", error.ErrorMessage);
    }

    [Theory]
    [InlineData("123456789018")]
    [InlineData("12345678901")]
    [InlineData("12345678901X")]
    public void Personal_number_messages_never_repeat_the_number(string number)
    {
        var result = validator.Validate(ValidRecord() with { PersonalNumber = number + "9" });

        var error = Assert.Single(result.Errors);
        Assert.Equal("personalNumber", error.PropertyName);
        Assert.DoesNotContain(number[..8], error.ErrorMessage);
    }

    [Fact]
    public void The_future_birthdate_rule_uses_the_Japanese_calendar_date()
    {
        // 2026-11-19 15:30 UTC is already 2026-11-20 in Japan.
        var lateEvening = new RegisterEnrolleeValidator(new FixedClock(new DateTimeOffset(2026, 11, 19, 15, 30, 0, TimeSpan.Zero)));

        Assert.True(lateEvening.Validate(ValidRecord() with { BirthDate = "2026-11-20" }).IsValid);
        Assert.Equal("BirthDateInvalid", Assert.Single(lateEvening.Validate(ValidRecord() with { BirthDate = "2026-11-21" }).Errors).ErrorCode);
    }

    internal static RegisterEnrollee ValidRecord() => new()
    {
        RegistrationId = "A-0001",
        InsurerNumber = "06139992",
        PersonalNumber = "111111111118",
        BirthDate = "H1.9.13",
        KanaName = "シカク ハナコ",
        Sex = "2",
        CardSymbol = "77",
        CardNumber = "5501",
        BranchNumber = "00",
        QualificationDate = "2021-07-01",
        BatchId = "batch-1",
    };
}
