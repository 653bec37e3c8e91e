using MiddleServerValidation.Domain.Addresses;

namespace MiddleServerValidation.Domain.Tests.Addresses;

/// <summary>docs/matching.md, "Kanji numerals": the table of runs and values.</summary>
public sealed class KanjiNumeralTests
{
    [Theory]
    [InlineData("一", "1")]
    [InlineData("十", "10")]
    [InlineData("十二", "12")]
    [InlineData("二十", "20")]
    [InlineData("二十三", "23")]
    [InlineData("百", "100")]
    [InlineData("百五", "105")]
    [InlineData("三百八", "308")]
    [InlineData("千二百三十四", "1234")]
    [InlineData("二〇二", "202")]
    [InlineData("一二", "12")]
    [InlineData("一〇", "10")]
    [InlineData("壱", "1")]
    [InlineData("拾", "10")]
    [InlineData("〇〇七", "7")]
    [InlineData("三五十", null)]
    [InlineData("十十", null)]
    [InlineData("百千", null)]
    [InlineData("〇十", null)]
    [InlineData("", null)]
    [InlineData("二万", null)]
    public void Runs_have_the_documented_values(string run, string? value) =>
        Assert.Equal(value, KanjiNumerals.ToArabic(run));

    [Fact]
    public void A_long_positional_run_does_not_overflow() =>
        Assert.Equal("123456789012345678901234567890", KanjiNumerals.ToArabic("一二三四五六七八九〇一二三四五六七八九〇一二三四五六七八九〇"));
}
