using MiddleServerValidation.Domain.InsurerNumbers;

namespace MiddleServerValidation.Domain.Tests.InsurerNumbers;

public class InsurerNumberTests
{
    // DOMAIN.md §2, valid column: rows 1–5 are published numbers, rows 6–10 built by the algorithm.
    [Theory]
    [InlineData("01130012", "01", "13")]
    [InlineData("01040013", "01", "04")]
    [InlineData("33120015", "33", "12")]
    [InlineData("138057", null, "13")]
    [InlineData("320010", null, "32")]
    [InlineData("06271233", "06", "27")]
    [InlineData("39130018", "39", "13")]
    [InlineData("31010010", "31", "01")]
    [InlineData("01470012", "01", "47")]
    [InlineData("460014", null, "46")]
    public void Valid_numbers_from_the_table_parse_into_their_parts(string number, string? lawCode, string prefecture)
    {
        var result = InsurerNumber.Parse(number);

        Assert.True(result.IsValid, result.ErrorMessage);
        Assert.Equal(number, result.Value.Value);
        Assert.Equal(lawCode, result.Value.LawCode);
        Assert.Equal(prefecture, result.Value.PrefectureCode);
        Assert.Equal(lawCode is null, result.Value.IsNationalHealthInsurance);
    }

    // DOMAIN.md §2, invalid column, with the part of the message that says why.
    [Theory]
    [InlineData("01130013", "検証番号")]
    [InlineData("01130102", "検証番号")]
    [InlineData("01310012", "検証番号")]
    [InlineData("138058", "検証番号")]
    [InlineData("1380570", "7桁")]
    [InlineData("0113001", "7桁")]
    [InlineData("01480019", "都道府県番号（48）")]
    [InlineData("00000000", "都道府県番号（00）")]
    [InlineData("0113OO12", "数字以外")]
    [InlineData("", "読み取れません")]
    [InlineData(null, "読み取れません")]
    public void Invalid_numbers_from_the_table_fail_with_a_specific_message(string? number, string expectedPart)
    {
        var result = InsurerNumber.Parse(number);

        Assert.False(result.IsValid);
        Assert.Equal(ReasonCode.InsurerNumberInvalid, result.Error);
        Assert.Contains(expectedPart, result.ErrorMessage);
    }

    // The table lists ０１１３００１２ as "invalid until NFKC": after NFKC it is the valid 01130012.
    [Fact]
    public void Full_width_digits_are_read_after_NFKC()
    {
        var result = InsurerNumber.Parse("０１１３００１２");

        Assert.True(result.IsValid, result.ErrorMessage);
        Assert.Equal("01130012", result.Value.Value);
    }

    [Fact]
    public void An_eight_digit_number_starting_with_00_is_a_padded_national_health_insurance_number()
    {
        var padded = InsurerNumber.Parse("00138057");

        Assert.True(padded.IsValid, padded.ErrorMessage);
        Assert.True(padded.Value.IsNationalHealthInsurance);
        Assert.Null(padded.Value.LawCode);
        Assert.Equal("13", padded.Value.PrefectureCode);
        Assert.Equal(ReasonCode.InsurerNumberInvalid, InsurerNumber.Parse("00138058").Error);
    }

    [Fact]
    public void Luhn_cannot_see_a_09_90_swap_which_DOMAIN_md_documents()
    {
        Assert.True(InsurerNumber.Parse("06130900").IsValid);
        Assert.True(InsurerNumber.Parse("06139000").IsValid);
    }
}
