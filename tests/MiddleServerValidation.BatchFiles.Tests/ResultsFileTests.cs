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
}
