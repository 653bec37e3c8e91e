using System.Text;

namespace MiddleServerValidation.Domain.Tests;

/// <summary>The shortcut that skips ICU must give exactly what NFKC gives.</summary>
public sealed class UnicodeTextTests
{
    public static TheoryData<string> Texts => new()
    {
        "シカク タロウ", "しかく たろう", "ヤマダ・ハナコ", "ヴァイオレット ー", "ｼｶｸ ﾀﾛｳ", "シカク　タロウ", "カ\u3099ン", "カ゛ン", "ヿ", "１２３", "髙橋",
    };

    [Fact]
    public void Every_character_the_shortcut_accepts_is_its_own_nfkc()
    {
        var accepted = Enumerable.Range(0x20, 0x5F).Concat(Enumerable.Range(0x3041, 0x56)).Concat(Enumerable.Range(0x30A1, 0x5C)).Select(c => (char)c);

        Assert.All(accepted, c => Assert.Equal(c.ToString(), c.ToString().Normalize(NormalizationForm.FormKC)));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Normalizes_like_icu(string text)
    {
        Assert.True(UnicodeText.TryNormalizeKc(text, out var normalized));
        Assert.Equal(text.Normalize(NormalizationForm.FormKC), normalized);
    }
}
