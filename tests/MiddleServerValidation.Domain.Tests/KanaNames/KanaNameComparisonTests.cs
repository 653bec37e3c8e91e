using MiddleServerValidation.Domain.KanaNames;

namespace MiddleServerValidation.Domain.Tests.KanaNames;

/// <summary>DOMAIN.md §4's 20 rows: standard-form equality, legacy-fold equality, and what matching treats as the same name.</summary>
public class KanaNameComparisonTests
{
    [Theory]
    [InlineData(1, "ｼｶｸ ﾊﾅｺ", "シカク ハナコ", true, true)]
    [InlineData(2, "シカク\u3000ハナコ", "シカク ハナコ", true, true)]
    [InlineData(3, "しかく はなこ", "シカク ハナコ", true, true)]
    [InlineData(4, "ｶﾞﾄｳ ﾀﾛｳ", "ガトウ タロウ", true, true)]
    [InlineData(5, "カ\u309Bトウ タロウ", "ガトウ タロウ", true, true)]
    [InlineData(6, "カ\u3099トウ タロウ", "ガトウ タロウ", true, true)]
    [InlineData(7, "ﾊﾟｸ ｼﾞｭﾝ", "パク ジュン", true, true)]
    [InlineData(8, "キャリー ケイ", "キャリ\uFF0D ケイ", true, true)]
    [InlineData(9, "キャリー ケイ", "キャリ\u2010 ケイ", true, true)]
    [InlineData(10, "キャリー ケイ", "キャリ ケイ", false, false)]
    [InlineData(11, "ヴィクトル", "ｳﾞｨｸﾄﾙ", true, true)]
    [InlineData(12, "ヴィクトル", "ビクトル", false, false)]
    [InlineData(13, "ショウタ", "シヨウタ", false, true)]
    [InlineData(14, "ハットリ", "ハツトリ", false, true)]
    [InlineData(15, "ヰダ ヨシコ", "イダ ヨシコ", false, true)]
    [InlineData(16, "ヱビス", "エビス", false, true)]
    [InlineData(17, "シカク  ハナコ ", "シカク ハナコ", true, true)]
    [InlineData(18, "シカクハナコ", "シカク ハナコ", false, false)]
    [InlineData(19, "ハナコ シカク", "シカク ハナコ", false, false)]
    [InlineData(20, "オオノ", "オーノ", false, false)]
    public void Rows_of_the_table(int row, string a, string b, bool sameStandard, bool sameLegacy)
    {
        var first = Parse(a);
        var second = Parse(b);

        Assert.True(sameStandard == (first.Normalized == second.Normalized), $"row {row}: standard form");
        Assert.True(sameLegacy == (first.LegacyFolded == second.LegacyFolded), $"row {row}: legacy fold");

        // Matching counts the legacy-fold rows (13–16) as the same name: legacy systems store シヨウ for ショウ.
        Assert.True(sameLegacy == KanaName.SameName(first, second), $"row {row}: SameName");
        Assert.True(KanaName.SameName(first, second) == KanaName.SameName(second, first), $"row {row}: symmetric");
    }

    [Theory]
    [InlineData("ｼｶｸ ﾊﾅｺ", "シカク ハナコ")]
    [InlineData("カ\u309Bトウ タロウ", "ガトウ タロウ")]
    [InlineData("カ\u3099トウ タロウ", "ガトウ タロウ")]
    [InlineData("キャリ\uFF0D ケイ", "キャリー ケイ")]
    [InlineData("ｳﾞｨｸﾄﾙ", "ヴィクトル")]
    [InlineData("\u3000シカク\t ハナコ\u3000", "シカク ハナコ")]
    [InlineData("ゔぃくとる", "ヴィクトル")]
    public void The_standard_form_is_full_width_katakana_with_one_half_width_space(string input, string expected)
    {
        Assert.Equal(expected, Parse(input).Normalized);
    }

    [Fact]
    public void A_dash_not_after_kana_is_left_alone_and_so_rejected()
    {
        Assert.Equal(ReasonCode.KanaNameInvalid, KanaName.Parse("-シカク").Error);
    }

    [Theory]
    [InlineData("シカク ショウタ", "シカク シヨウタ", true, true)]
    [InlineData("ヤマダ ハナコ", "タナカ ハナコ", false, true)]
    [InlineData("シカク タロウ", "シカク ジロウ", true, false)]
    public void Surname_and_given_name_compare_by_legacy_fold(string a, string b, bool sameSurname, bool sameGivenName)
    {
        Assert.Equal(sameSurname, KanaName.SameSurname(Parse(a), Parse(b)));
        Assert.Equal(sameGivenName, KanaName.SameGivenName(Parse(a), Parse(b)));
    }

    private static KanaName Parse(string input)
    {
        var result = KanaName.Parse(input);
        Assert.True(result.IsValid, result.ErrorMessage);
        return result.Value;
    }
}
