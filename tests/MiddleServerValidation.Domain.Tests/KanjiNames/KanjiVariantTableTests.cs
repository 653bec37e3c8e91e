using System.Text;
using MiddleServerValidation.Domain.KanjiNames;

namespace MiddleServerValidation.Domain.Tests.KanjiNames;

/// <summary>The embedded 異体字 table and the Unicode facts the rules rely on, as .NET's normaliser really behaves.</summary>
public sealed class KanjiVariantTableTests
{
    [Fact]
    public void The_table_holds_the_450_researched_pairs() =>
        Assert.Equal(450, KanjiVariants.Pairs.Count);

    [Fact]
    public void No_standard_is_itself_a_variant_so_one_fold_is_enough() =>
        Assert.DoesNotContain(KanjiVariants.Pairs.Values, standard => KanjiVariants.Pairs.ContainsKey(standard));

    [Fact]
    public void Every_standard_is_stable_under_nfkc() =>
        Assert.All(KanjiVariants.Pairs.Values, standard => Assert.Equal(Text(standard), Text(standard).Normalize(NormalizationForm.FormKC)));

    [Fact]
    public void Nfkc_and_the_table_agree_on_every_variant()
    {
        Assert.All(KanjiVariants.Pairs, pair =>
        {
            var normalized = Text(pair.Key).Normalize(NormalizationForm.FormKC);
            Assert.Equal(Text(pair.Value), Text(KanjiVariants.Fold(char.ConvertToUtf32(normalized, 0))));
        });
    }

    [Theory]
    [InlineData("髙", "高")]
    [InlineData("\uFA11", "崎")]
    [InlineData("邉", "辺")]
    [InlineData("邊", "辺")]
    [InlineData("德", "徳")]
    [InlineData("\U00020BB7", "吉")]
    [InlineData("齋", "斎")]
    [InlineData("齊", "斉")]
    public void Researched_variants_fold_to_their_standard(string variant, string standard) =>
        Assert.Equal(char.ConvertToUtf32(standard, 0), KanjiVariants.Fold(char.ConvertToUtf32(variant, 0)));

    [Theory]
    [InlineData("斉")]
    [InlineData("斎")]
    [InlineData("々")]
    [InlineData("萩")]
    [InlineData("碕")]
    public void Different_characters_that_look_alike_are_not_folded(string character) =>
        Assert.Equal(char.ConvertToUtf32(character, 0), KanjiVariants.Fold(char.ConvertToUtf32(character, 0)));

    [Theory]
    [InlineData("\uFA11")]
    [InlineData("髙")]
    [InlineData("邉")]
    [InlineData("德")]
    [InlineData("\U00020BB7")]
    [InlineData("葛\U000E0100")]
    public void Nfkc_leaves_these_alone_which_is_why_the_table_and_selector_stripping_exist(string text) =>
        Assert.Equal(text, text.Normalize(NormalizationForm.FormKC));

    [Fact]
    public void Nfkc_folds_compatibility_ideographs_and_kangxi_radicals()
    {
        Assert.Equal("\u585A", "\uFA10".Normalize(NormalizationForm.FormKC));
        Assert.Equal("山", "\u2F2D".Normalize(NormalizationForm.FormKC));
    }

    private static string Text(int codePoint) => char.ConvertFromUtf32(codePoint);
}
