using System.Text;
using MiddleServerValidation.BatchFiles.Csv;

namespace MiddleServerValidation.BatchFiles.Tests;

public sealed class BatchEncodingsTests
{
    private const string Text = "registration_id,kana_name\nR-1,ｼｶｸ ﾊﾅｺ\nR-2,ヤマダ　タロウ\nR-3,髙橋 ①\n";

    [Theory]
    [InlineData(null, BatchEncodings.Utf8)]
    [InlineData("UTF-8", BatchEncodings.Utf8)]
    [InlineData("Shift_JIS", BatchEncodings.ShiftJis)]
    [InlineData("\"windows-31j\"", BatchEncodings.ShiftJis)]
    [InlineData("cp932", BatchEncodings.ShiftJis)]
    [InlineData("iso-8859-1", null)]
    public void Charset_names(string? charset, string? canonical) => Assert.Equal(canonical, BatchEncodings.Canonical(charset));

    [Fact]
    public void Utf8_with_and_without_bom_and_cp932_read_the_same()
    {
        var utf8 = Read(Encoding.UTF8.GetPreamble().Concat(new UTF8Encoding(false).GetBytes(Text)).ToArray(), BatchEncodings.Utf8);
        var plain = Read(new UTF8Encoding(false).GetBytes(Text), BatchEncodings.Utf8);
        var cp932 = Read(BatchEncodings.Get(BatchEncodings.ShiftJis).GetBytes(Text), BatchEncodings.ShiftJis);

        Assert.Equal(plain, utf8);
        Assert.Equal(plain, cp932);
        Assert.Equal("髙橋 ①", plain[^1][1]);
    }

    [Fact]
    public void A_cp932_file_sent_as_utf8_fails_on_its_first_kana()
    {
        var bytes = BatchEncodings.Get(BatchEncodings.ShiftJis).GetBytes(Text);

        var error = Assert.Throws<CsvFormatException>(() => Read(bytes, BatchEncodings.Utf8));

        Assert.Equal((2, 2), (error.Line, error.Column));
    }

    private static List<string[]> Read(byte[] bytes, string encoding)
    {
        using var reader = BatchEncodings.Reader(new MemoryStream(bytes), encoding);
        return new CsvReader(reader).ReadAll().Select(r => r.Fields).ToList();
    }
}
