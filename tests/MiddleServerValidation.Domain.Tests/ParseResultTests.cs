namespace MiddleServerValidation.Domain.Tests;

public class ParseResultTests
{
    [Fact]
    public void Default_is_neither_valid_nor_a_known_error()
    {
        var none = default(ParseResult<int>);

        Assert.False(none.IsValid);
        Assert.Null(none.Error);
        Assert.Throws<InvalidOperationException>(() => none.Value);
    }

    [Fact]
    public void Ok_and_fail_say_what_they_hold()
    {
        Assert.Equal("Ok(5)", ParseResult<int>.Ok(5).ToString());
        Assert.Equal("Fail(FieldInvalid: 形式が違います)", ParseResult<int>.Fail(ReasonCode.FieldInvalid, "形式が違います").ToString());
    }
}
