using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain.Registration;
using MiddleServerValidation.Domain.Tests.TestSupport;

namespace MiddleServerValidation.Domain.Tests.Registration;

/// <summary>No field is read from more text than a real value could have: an oversized one is refused unread, never echoed.</summary>
public sealed class FieldSizeTests
{
    private readonly RegistrationReader _reader = new(FixedClock.JapanNoon);

    public static TheoryData<string, string> Fields => new()
    {
        { "registrationId", "FieldInvalid" },
        { "insurerNumber", "InsurerNumberInvalid" },
        { "personalNumber", "PersonalNumberFormat" },
        { "birthDate", "BirthDateInvalid" },
        { "kanaName", "KanaNameInvalid" },
        { "sex", "FieldInvalid" },
        { "qualificationDate", "FieldInvalid" },
        { "batchId", "FieldInvalid" },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public void A_field_longer_than_any_real_value_is_refused_unread(string field, string code)
    {
        var oversized = new string('1', RegistrationReader.MaxFieldLength + 1);
        var message = RegisterEnrolleeValidatorTests.ValidRecord();
        message = field switch
        {
            "registrationId" => message with { RegistrationId = oversized },
            "insurerNumber" => message with { InsurerNumber = oversized },
            "personalNumber" => message with { PersonalNumber = oversized },
            "birthDate" => message with { BirthDate = oversized },
            "kanaName" => message with { KanaName = oversized },
            "sex" => message with { Sex = oversized },
            "qualificationDate" => message with { QualificationDate = oversized },
            _ => message with { BatchId = oversized },
        };

        var problem = Assert.Single(_reader.Read(message).Problems);

        Assert.Equal((field, code), (problem.Field, problem.Code.ToString()));
        Assert.Contains("257文字", problem.Message);
        Assert.DoesNotContain("1111111111", problem.Message);
    }

    [Fact]
    public void The_longest_value_a_field_is_read_from_is_still_read()
    {
        var message = RegisterEnrolleeValidatorTests.ValidRecord() with { BatchId = " " + new string('b', 64) + new string(' ', 191) };

        Assert.True(_reader.Read(message).IsValid);
    }
}
