using MiddleServerValidation.BatchFiles.Csv;

namespace MiddleServerValidation.BatchFiles.Tests;

public sealed class ResultsFileTests
{
    [Fact]
    public void A_line_reads_back_as_the_same_four_fields()
    {
        var line = ResultsFile.Line("R,\"1\"", "Suspected", ["BirthDateMismatch", "CardInfoMissing"], ["生年月日が違います; 確認", "記号・番号が未登録です。"]);

        var fields = Assert.Single(new CsvReader(new StringReader(line)).ReadAll()).Fields;

        Assert.Equal("R,\"1\"", fields[0]);
        Assert.Equal("Suspected", fields[1]);
        Assert.Equal(["BirthDateMismatch", "CardInfoMissing"], fields[2].Split(ResultsFile.ListSeparator));
        Assert.Equal(["生年月日が違います； 確認", "記号・番号が未登録です。"], fields[3].Split(ResultsFile.ListSeparator));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://example.com\",\"x\")")]
    [InlineData("＝1+1")]
    [InlineData("@SUM(A1)")]
    [InlineData("-0001")]
    [InlineData(" ＋1")]
    public void A_registration_id_a_spreadsheet_would_read_as_a_formula_gets_a_leading_apostrophe(string registrationId)
    {
        var line = ResultsFile.Line(registrationId, "Accepted", ["HistoryMatch"], ["過去の登録と一致しました。"]);

        var fields = Assert.Single(new CsvReader(new StringReader(line)).ReadAll()).Fields;

        Assert.Equal("'" + registrationId, fields[0]);
        Assert.Equal(["Accepted", "HistoryMatch", "過去の登録と一致しました。"], fields[1..]);
    }
}
