using MiddleServerValidation.Domain.PersonalNumbers;
using MiddleServerValidation.Domain.Tests.TestSupport;

namespace MiddleServerValidation.Domain.Tests.PersonalNumbers;

public class PersonalNumberTests
{
    // DOMAIN.md §1: the valid column (remainders 0 and 1 both give check digit 0) and the published examples.
    [Theory]
    [InlineData("301661318600")]
    [InlineData("913909960300")]
    [InlineData("824628194826")]
    [InlineData("199351819090")]
    [InlineData("378657975438")]
    [InlineData("231948757496")]
    [InlineData("118625276013")]
    [InlineData("895559797119")]
    [InlineData("471049746507")]
    [InlineData("752917034232")]
    [InlineData("621498320257")]
    [InlineData("023456789013")]
    [InlineData("123456789018")]
    [InlineData("983205673214")]
    public void Valid_numbers_from_the_tables_parse(string number)
    {
        var result = PersonalNumber.Parse(number);

        Assert.True(result.IsValid, result.ErrorMessage);
        Assert.Equal(number, result.Value.Value);
        Assert.Equal(number[11] - '0', PersonalNumber.ComputeCheckDigit(number.AsSpan(0, 11)));
    }

    // DOMAIN.md §1: the invalid column (substitutions and adjacent swaps) and the published invalid examples.
    [Theory]
    [InlineData("311661318600")]
    [InlineData("913919960300")]
    [InlineData("824628104826")]
    [InlineData("199351819000")]
    [InlineData("388657975438")]
    [InlineData("231947857496")]
    [InlineData("118625726013")]
    [InlineData("895559779119")]
    [InlineData("471049745607")]
    [InlineData("752917034322")]
    [InlineData("621498320258")]
    [InlineData("123456789010")]
    [InlineData("123456789011")]
    [InlineData("123456789012")]
    [InlineData("983205673210")]
    public void Invalid_numbers_from_the_tables_fail_on_the_check_digit(string number)
    {
        var result = PersonalNumber.Parse(number);

        Assert.False(result.IsValid);
        Assert.Equal(ReasonCode.PersonalNumberCheckDigit, result.Error);
    }

    [Theory]
    [InlineData("１２３４５６７８９０１８")]
    [InlineData(" 123456789018 ")]
    public void Full_width_digits_and_surrounding_spaces_are_read_after_NFKC(string input)
    {
        var result = PersonalNumber.Parse(input);

        Assert.True(result.IsValid, result.ErrorMessage);
        Assert.Equal("123456789018", result.Value.Value);
    }

    [Theory]
    [InlineData(null, "読み取れません")]
    [InlineData("", "0桁")]
    [InlineData("12345678901", "11桁")]
    [InlineData("1234567890181", "13桁")]
    [InlineData("1234-5678-9018", "数字以外")]
    [InlineData("12345678901O", "数字以外")]
    [InlineData("١٢٣٤٥٦٧٨٩٠١٨", "数字以外")]
    public void Anything_but_twelve_digits_is_a_format_error_with_a_specific_message(string? input, string expectedPart)
    {
        var result = PersonalNumber.Parse(input);

        Assert.False(result.IsValid);
        Assert.Equal(ReasonCode.PersonalNumberFormat, result.Error);
        Assert.Contains(expectedPart, result.ErrorMessage);
    }

    [Fact]
    public void The_eleven_digit_message_is_the_documented_one()
    {
        Assert.Equal("個人番号は12桁の数字で指定してください（11桁でした）。", PersonalNumber.Parse("12345678901").ErrorMessage);
    }

    [Fact]
    public void A_lone_surrogate_is_a_format_error_not_an_exception()
    {
        var result = PersonalNumber.Parse("12345678901\uD800");

        Assert.Equal(ReasonCode.PersonalNumberFormat, result.Error);
        Assert.Contains("読み取れません", result.ErrorMessage);
    }

    [Theory]
    [InlineData("123456789018")]
    [InlineData("1234567890181")]
    [InlineData("123456789010")]
    public void No_message_or_text_form_repeats_the_number(string input)
    {
        var result = PersonalNumber.Parse(input);

        Assert.DoesNotContain("12345678", result.ToString());
        Assert.DoesNotContain("12345678", result.ErrorMessage ?? string.Empty);
        if (result.IsValid)
        {
            Assert.Equal("********9018", result.Value.ToString());
            Assert.Equal("********9018", result.Value.Masked);
            Assert.Equal("********9018", $"{result.Value}");
        }
    }

    [Fact]
    public void Asking_a_failed_result_for_its_value_throws_without_the_input()
    {
        var result = PersonalNumber.Parse("123456789010");

        var error = Assert.Throws<InvalidOperationException>(() => result.Value);
        Assert.DoesNotContain("123456789010", error.Message);
    }

    [Fact]
    public void Default_is_empty_and_masks_to_nothing()
    {
        var none = default(PersonalNumber);

        Assert.Equal(string.Empty, none.Value);
        Assert.Equal(string.Empty, none.ToString());
    }

    [Theory]
    [InlineData("1234567890")]
    [InlineData("1234567890a")]
    public void Computing_a_check_digit_for_a_bad_base_is_a_programming_error(string digits)
    {
        Assert.Throws<ArgumentException>(() => PersonalNumber.ComputeCheckDigit(digits));
    }
}
