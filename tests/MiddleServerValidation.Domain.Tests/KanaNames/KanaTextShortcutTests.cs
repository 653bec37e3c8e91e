using MiddleServerValidation.Domain.KanaNames;

namespace MiddleServerValidation.Domain.Tests.KanaNames;

/// <summary>Names already in standard form skip the normalisation steps; the result must be what the steps give.</summary>
public sealed class KanaTextShortcutTests
{
    [Theory]
    [InlineData("シカク ハナコ", "シカク ハナコ")]
    [InlineData("ヤマダ・ハナコ", "ヤマダ・ハナコ")]
    [InlineData("サトー タロー", "サトー タロー")]
    [InlineData("シカク  ハナコ", "シカク ハナコ")]
    [InlineData(" シカク ハナコ", "シカク ハナコ")]
    [InlineData("シカク ハナコ ", "シカク ハナコ")]
    [InlineData("シカク　ハナコ", "シカク ハナコ")]
    [InlineData("サト- タロ―", "サトー タロー")]
    [InlineData("ｼｶｸ ﾊﾅｺ", "シカク ハナコ")]
    public void Standard_form(string input, string expected)
    {
        Assert.Equal(expected, KanaText.Standard(input));
        Assert.Equal(expected, KanaText.Standard(expected));
    }

    [Theory]
    [InlineData("ショウ ヰチロウ", "シヨウ イチロウ")]
    [InlineData("シカク ハナコ", "シカク ハナコ")]
    [InlineData("ヱビス ヴァン", "エビス ヴアン")]
    public void Legacy_fold(string standard, string folded) => Assert.Equal(folded, KanaText.LegacyFold(standard));
}
