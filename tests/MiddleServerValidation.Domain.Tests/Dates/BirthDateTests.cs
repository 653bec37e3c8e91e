using MiddleServerValidation.Domain.Dates;

namespace MiddleServerValidation.Domain.Tests.Dates;

public class BirthDateTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    [Theory]
    [InlineData("2026-11-20")]
    [InlineData("R8.11.20")]
    [InlineData("1868-10-23")]
    [InlineData("M1.10.23")]
    public void Today_and_the_first_day_of_Meiji_are_possible_birthdates(string input)
    {
        Assert.True(JapaneseDate.ParseBirthDate(input, Today).IsValid);
    }

    [Theory]
    [InlineData("2026-11-21", "未来")]
    [InlineData("R9.1.1", "未来")]
    [InlineData("1868-10-22", "明治元年")]
    [InlineData("1800-01-01", "明治元年")]
    [InlineData("H31.5.1", "元号の期間外")]
    [InlineData("H2.2.30", "存在しない日付")]
    [InlineData("abc", "生年月日の形式")]
    public void Impossible_birthdates_are_BirthDateInvalid(string input, string expectedPart)
    {
        var parsed = JapaneseDate.ParseBirthDate(input, Today);

        Assert.Equal(ReasonCode.BirthDateInvalid, parsed.Error);
        Assert.Contains(expectedPart, parsed.ErrorMessage);
    }
}
