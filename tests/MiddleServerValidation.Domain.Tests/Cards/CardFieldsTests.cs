using MiddleServerValidation.Domain.Cards;

namespace MiddleServerValidation.Domain.Tests.Cards;

public class CardFieldsTests
{
    // Real shapes from DOMAIN.md §3: half-width digits, ORCA's full-width values and kanji symbol,
    // the eTwoDis example (あいう / １８７ / 05), and an absent 記号.
    [Theory]
    [InlineData("77", "5501", "00")]
    [InlineData(null, "1234567", null)]
    [InlineData("５０１０２０３", "１", null)]
    [InlineData("０１", "１２３４５６７", null)]
    [InlineData("併用", "１２３", "01")]
    [InlineData("あいう", "１８７", "05")]
    [InlineData("AB12", "x9", "99")]
    [InlineData("", "  ", "")]
    public void Allowed_values_have_no_problems(string? symbol, string? number, string? branch)
    {
        Assert.Empty(CardFields.Validate(symbol, number, branch));
    }

    [Theory]
    [InlineData("●12", null, null, "cardSymbol", "記号に「●」が含まれています")]
    [InlineData(null, "55●1", null, "cardNumber", "番号に「●」が含まれています")]
    [InlineData(null, null, "●", "branchNumber", "枝番に「●」が含まれています")]
    [InlineData("12３", null, null, "cardSymbol", "混在")]
    [InlineData(null, "ｱｲｳ", null, "cardNumber", "半角カナ")]
    [InlineData(null, "１　２", null, "cardNumber", "全角スペース")]
    [InlineData("12-3", null, null, "cardSymbol", "使用できない文字")]
    [InlineData(null, "12 3", null, "cardNumber", "使用できない文字")]
    [InlineData(null, null, "1", "branchNumber", "半角数字2桁")]
    [InlineData(null, null, "100", "branchNumber", "半角数字2桁")]
    [InlineData(null, null, "ab", "branchNumber", "半角数字2桁")]
    public void Characters_outside_the_allowed_set_are_reported_for_their_field(
        string? symbol, string? number, string? branch, string field, string expectedPart)
    {
        var problem = Assert.Single(CardFields.Validate(symbol, number, branch));

        Assert.Equal(ReasonCode.CardNumberInvalidCharacter, problem.Code);
        Assert.Equal(field, problem.Field);
        Assert.Contains(expectedPart, problem.Message);
    }

    [Fact]
    public void The_lost_character_message_explains_where_it_came_from()
    {
        var problem = Assert.Single(CardFields.Validate("●", null, null));

        Assert.Equal(
            "記号に「●」が含まれています。「●」は旧システムで保存できなかった文字の代わりに入ったものです。正しい文字で再登録してください。",
            problem.Message);
    }

    [Fact]
    public void Every_field_with_a_problem_is_reported()
    {
        var problems = CardFields.Validate("●", "1●", "1");

        Assert.Equal(["cardSymbol", "cardNumber", "branchNumber"], problems.Select(p => p.Field));
    }

    [Fact]
    public void Over_long_values_are_FieldInvalid()
    {
        var problems = CardFields.Validate(new string('1', 21), new string('2', 21), null);

        Assert.All(problems, p => Assert.Equal(ReasonCode.FieldInvalid, p.Code));
        Assert.Equal(2, problems.Count);
        Assert.Empty(CardFields.Validate(new string('1', 20), new string('２', 20), null));
    }

    [Theory]
    [InlineData("05", "05")]
    [InlineData("０５", "05")]
    [InlineData(" 01 ", "01")]
    [InlineData("5", null)]
    [InlineData(null, null)]
    public void The_branch_is_stored_as_two_half_width_digits(string? branch, string? expected)
    {
        Assert.Equal(expected, CardFields.NormalizeBranch(branch));
    }

    [Theory]
    [InlineData("5501", true)]
    [InlineData("", false)]
    [InlineData("  ", false)]
    [InlineData(null, false)]
    public void Card_info_is_missing_without_a_number(string? number, bool expected)
    {
        Assert.Equal(expected, CardFields.HasCardInfo(number));
    }
}
