using MiddleServerValidation.BatchFiles.Csv;

namespace MiddleServerValidation.BatchFiles.Tests.Csv;

public sealed class SpreadsheetCsvTests
{
    [Theory]
    [InlineData("=1+1")]
    [InlineData("+81 3 1234 5678")]
    [InlineData("-1")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1")]
    [InlineData("\r=1")]
    // Full-width and other lookalikes that NFKC folds to a formula character (Japanese spreadsheets take them as such).
    [InlineData("＝HYPERLINK(\"http://example.com\")")]
    [InlineData("＋1")]
    [InlineData("－1")]
    [InlineData("＠SUM(A1)")]
    [InlineData("﹦1+1")]
    [InlineData("﹢1")]
    [InlineData("﹣1")]
    [InlineData("﹫A1")]
    [InlineData("⁼1")]
    [InlineData("−1")]
    // Whitespace, control and invisible characters in front of one.
    [InlineData(" =1+1")]
    [InlineData("　＝1+1")]
    [InlineData("\u00A0=1")]
    [InlineData("\u0000=1")]
    [InlineData("\u001F+1")]
    [InlineData("\u200B=1")]
    [InlineData("\uFEFF=1")]
    [InlineData("\n=1")]
    [InlineData("  \t ＋1")]
    public void A_field_a_spreadsheet_would_read_as_a_formula_starts_with_an_apostrophe(string value)
    {
        var field = SpreadsheetCsv.Field(value);

        Assert.Equal(Rfc4180("'" + value), field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("A-0001")]
    [InlineData("生年月日が一致しません")]
    [InlineData("1+1")]
    [InlineData("a=b")]
    [InlineData(" text")]
    [InlineData("ー")]
    [InlineData("'=already")]
    public void Other_fields_are_left_as_they_are(string value)
    {
        Assert.Equal(value, Unquoted(SpreadsheetCsv.Field(value)));
    }

    [Fact]
    public void A_lone_surrogate_at_the_start_does_not_throw()
    {
        Assert.Equal("\uD800x", SpreadsheetCsv.Field("\uD800x"));
    }

    // Quoting is the reader's business (and the reader refuses NUL): compare with the written form.
    private static string Rfc4180(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    private static string Unquoted(string field) => field.Length == 0
        ? field
        : Assert.Single(new CsvReader(new StringReader(field)).ReadAll()).Fields.Single();
}
