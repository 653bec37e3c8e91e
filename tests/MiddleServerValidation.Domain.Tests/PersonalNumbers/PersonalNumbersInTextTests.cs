using MiddleServerValidation.Domain.PersonalNumbers;

namespace MiddleServerValidation.Domain.Tests.PersonalNumbers;

public sealed class PersonalNumbersInTextTests
{
    [Theory]
    [InlineData("123456789012")]
    [InlineData("1234 5678 9012")]
    [InlineData("1234-5678-9012")]
    [InlineData("1234.5678.9012")]
    [InlineData("1234/5678/9012")]
    [InlineData("1234_5678_9012")]
    [InlineData("1234 5678-9012")]
    [InlineData("1234  5678  9012")]
    [InlineData("1234 - 5678 - 9012")]
    [InlineData("12345678 9012")]
    [InlineData("123 456 789 012")]
    [InlineData("12-34-56-78-90-12")]
    [InlineData("1 2 3 4 5 6 7 8 9 0 1 2")]
    [InlineData("１２３４５６７８９０１２")]
    [InlineData("１２３４　５６７８　９０１２")]
    [InlineData("１２３４－５６７８－９０１２")]
    [InlineData("１２３４．５６７８．９０１２")]
    [InlineData("１２３４／５６７８／９０１２")]
    [InlineData("1234ー5678ー9012")]
    [InlineData("1234−5678−9012")]
    [InlineData("1234‐5678‐9012")]
    [InlineData("1234・5678・9012")]
    [InlineData("１２３４-5678.９０１２")]
    public void A_twelve_digit_number_is_masked_whatever_its_separators(string typed)
    {
        var masked = PersonalNumbersInText.Mask($"控えの番号 {typed} は不要");

        Assert.Equal("控えの番号 ********9012 は不要", masked);
    }

    [Theory]
    [InlineData("番号は123456789012です", "番号は********9012です")]
    [InlineData("個人番号:1234-5678-9012/本人確認済", "個人番号:********9012/本人確認済")]
    [InlineData("1234 5678 9012 と 2345 6789 0123", "********9012 と ********0123")]
    [InlineData("旧 1234.5678.9012、新 2345-6789-0123", "旧 ********9012、新 ********0123")]
    [InlineData("1234-5678-9012-3456", "********9012-3456")]
    public void Every_number_in_the_text_is_masked_and_the_rest_kept(string text, string expected)
    {
        Assert.Equal(expected, PersonalNumbersInText.Mask(text));
    }

    [Theory]
    [InlineData("2024-01-15に本人確認")]
    [InlineData("2024/01/15 10:30 電話で確認")]
    [InlineData("2024.1.15と2024.2.20に照会")]
    [InlineData("2024-01-15 2024-01-20")]
    [InlineData("2024-01-15,2024-01-20")]
    [InlineData("電話 03-1234-5678 に連絡")]
    [InlineData("携帯 090-1234-5678 / 03-1234-5678")]
    [InlineData("TEL 03 1234 5678")]
    [InlineData("0120-123-456")]
    [InlineData("+81 90 1234 5678")]
    [InlineData("令和6年1月15日、受付番号 A-0001")]
    [InlineData("金額 1,234,567円")]
    [InlineData("法人番号 1234567890123")]
    [InlineData("12345678901")]
    [InlineData("双子であることを本人確認で確認済み")]
    public void Dates_phone_numbers_and_other_numbers_that_are_not_twelve_digits_stay_readable(string text)
    {
        Assert.Equal(text, PersonalNumbersInText.Mask(text));
    }

    [Fact]
    public void Full_width_text_is_read_in_its_nfkc_form()
    {
        Assert.Equal("ABC 2024-01-15", PersonalNumbersInText.Mask("ＡＢＣ　２０２４－０１－１５"));
    }

    [Fact]
    public void A_lone_surrogate_does_not_stop_the_masking()
    {
        Assert.Equal("\uFFFD ********9012", PersonalNumbersInText.Mask("\uD800 1234.5678.9012"));
    }
}
