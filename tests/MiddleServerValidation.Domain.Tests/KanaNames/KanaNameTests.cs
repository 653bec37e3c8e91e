using MiddleServerValidation.Domain.KanaNames;

namespace MiddleServerValidation.Domain.Tests.KanaNames;

public class KanaNameTests
{
    [Fact]
    public void A_split_name_has_surname_and_given_name()
    {
        var name = KanaName.Parse("しかく　はなこ").Value;

        Assert.Equal("シカク ハナコ", name.Normalized);
        Assert.Equal("シカク", name.Surname);
        Assert.Equal("ハナコ", name.GivenName);
        Assert.True(name.HasSplit);
        Assert.Equal("シカク ハナコ", name.ToString());
    }

    [Fact]
    public void A_name_without_a_space_is_all_surname()
    {
        var name = KanaName.Parse("ヴィクトル").Value;

        Assert.False(name.HasSplit);
        Assert.Equal("ヴィクトル", name.Surname);
        Assert.Equal(string.Empty, name.GivenName);
    }

    [Theory]
    [InlineData("ショウタ", "シヨウタ")]
    [InlineData("ハットリ ヰヱ", "ハツトリ イエ")]
    [InlineData("ヵヶヮ", "カケワ")]
    public void The_legacy_fold_makes_small_kana_large_and_old_kana_modern(string input, string expected)
    {
        Assert.Equal(expected, KanaName.Parse(input).Value.LegacyFolded);
    }

    [Theory]
    [InlineData("ジョン・スミス")]
    [InlineData("ヷヸヹヺ")]
    [InlineData("ァィゥェォッャュョヮヵヶ")]
    public void Middle_dots_and_rare_katakana_are_kana(string input)
    {
        Assert.True(KanaName.Parse(input).IsValid);
    }

    [Theory]
    [InlineData(null, "指定されていません")]
    [InlineData("", "空です")]
    [InlineData(" \u3000 ", "空です")]
    [InlineData("山田 花子", "1文字目")]
    [InlineData("シカク Hanako", "5文字目")]
    [InlineData("シカク タ ロウ", "1つだけ")]
    [InlineData("シカク ハナ●", "「●」")]
    [InlineData("シカク〓ハナコ", "4文字目")]
    public void Invalid_names_are_rejected_with_a_specific_message(string? input, string expectedPart)
    {
        var result = KanaName.Parse(input);

        Assert.Equal(ReasonCode.KanaNameInvalid, result.Error);
        Assert.Contains(expectedPart, result.ErrorMessage);
    }

    // Built in code: xunit's data serialisation would replace the lone surrogate with U+FFFD.
    [Fact]
    public void Text_that_is_not_valid_Unicode_is_rejected_without_an_exception()
    {
        var brokenText = "シカク" + '\uD800';

        Assert.Equal("カナ氏名に読み取れない文字が含まれています。", KanaName.Parse(brokenText).ErrorMessage);
        Assert.True(KanaName.ContainsUnknownCharacter(brokenText));
    }

    [Fact]
    public void At_most_one_hundred_characters()
    {
        Assert.True(KanaName.Parse(new string('ア', 100)).IsValid);

        var tooLong = KanaName.Parse(new string('ア', 101));
        Assert.Equal(ReasonCode.KanaNameInvalid, tooLong.Error);
        Assert.Contains("101文字", tooLong.ErrorMessage);
    }

    [Theory]
    [InlineData("シカク ハナ●", true)]
    [InlineData("シカク 〓コ", true)]
    [InlineData("髙橋 ハナコ", true)]
    [InlineData("SHIKAKU", true)]
    [InlineData("シカク ハナコ", false)]
    [InlineData("ｼｶｸ ﾊﾅｺ", false)]
    [InlineData("しかく　はなこ", false)]
    public void A_value_with_lost_or_non_kana_characters_is_unknown(string raw, bool unknown)
    {
        Assert.Equal(unknown, KanaName.ContainsUnknownCharacter(raw));
    }
}
