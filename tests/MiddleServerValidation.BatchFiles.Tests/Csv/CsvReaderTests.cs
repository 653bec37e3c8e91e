using MiddleServerValidation.BatchFiles.Csv;

namespace MiddleServerValidation.BatchFiles.Tests.Csv;

public sealed class CsvReaderTests
{
    private static List<CsvRecord> Read(string text, CsvLimits? limits = null) =>
        new CsvReader(new StringReader(text), limits).ReadAll().ToList();

    private static CsvFormatException Fails(string text, CsvLimits? limits = null) =>
        Assert.Throws<CsvFormatException>(() => Read(text, limits));

    [Fact]
    public void Plain_fields_and_line_numbers()
    {
        var records = Read("a,b,c\n1,2,3\n");

        Assert.Equal(2, records.Count);
        Assert.Equal(["a", "b", "c"], records[0].Fields);
        Assert.Equal(["1", "2", "3"], records[1].Fields);
        Assert.Equal([1, 2], records.Select(r => r.Line));
    }

    [Theory]
    [InlineData("x,y\r\n1,2\r\n")]
    [InlineData("x,y\n1,2")]
    [InlineData("x,y\r1,2\r")]
    public void Every_line_ending_and_a_missing_last_one(string text)
    {
        var records = Read(text);

        Assert.Equal([["x", "y"], ["1", "2"]], records.Select(r => r.Fields));
    }

    [Fact]
    public void Quoted_fields_hold_commas_doubled_quotes_and_line_breaks()
    {
        var records = Read("id,note\n1,\"a, \"\"b\"\"\nc\"\n2,\"\"\n3,x\n");

        Assert.Equal(["1", "a, \"b\"\nc"], records[1].Fields);
        Assert.Equal(["2", ""], records[2].Fields);
        // The record after a field that spans two lines starts on line 4, not 3.
        Assert.Equal([1, 2, 4, 5], records.Select(r => r.Line));
    }

    [Fact]
    public void Empty_fields_and_a_trailing_comma()
    {
        Assert.Equal(["a", "", "", ""], Assert.Single(Read("a,,,\n")).Fields);
    }

    [Fact]
    public void A_leading_byte_order_mark_and_blank_lines_are_skipped()
    {
        var records = Read("\uFEFFid\n\n   \r\n1\n\n");

        Assert.Equal([["id"], ["1"]], records.Select(r => r.Fields));
        Assert.Equal([1, 4], records.Select(r => r.Line));
    }

    [Fact]
    public void An_unterminated_quote_names_the_line_and_column_where_it_opened()
    {
        var error = Fails("id,name\n1,ok\n2,\"never closed\n3,x\n");

        Assert.Equal((3, 2), (error.Line, error.Column));
        Assert.Contains("3 行目 2 列目", error.Message);
        Assert.Contains("閉じられていません", error.Message);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_not_csv()
    {
        var error = Fails("a,b,c\n1,2,x\"y\n");

        Assert.Equal((2, 3), (error.Line, error.Column));
        Assert.Contains("引用符", error.Message);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_not_csv()
    {
        var error = Fails("a,b\n\"1\"x,2\n");

        Assert.Equal((2, 1), (error.Line, error.Column));
    }

    [Fact]
    public void Undecodable_bytes_and_nul_characters_are_reported_where_they_are()
    {
        var replaced = Fails("a,b\n1,2\n3,\uFFFD\n");
        var nul = Fails("a,b\n1,x\0\n");

        Assert.Equal((3, 2), (replaced.Line, replaced.Column));
        Assert.Contains("charset=shift_jis", replaced.Message);
        Assert.Equal((2, 2), (nul.Line, nul.Column));
        Assert.Contains("NUL", nul.Message);
    }

    [Fact]
    public void Over_long_fields_and_records_stop_the_reading()
    {
        var limits = new CsvLimits(MaxFieldLength: 10, MaxFields: 3, MaxRecordLength: 64 * 1024);

        Assert.Equal((1, 2), Position(Fails("a,12345678901\n", limits)));
        Assert.Equal((1, 2), Position(Fails("a,\"12345678901\"\n", limits)));
        Assert.Equal((2, 4), Position(Fails("a\n1,2,3,4\n", limits)));
    }

    [Fact]
    public void An_unterminated_quote_in_a_large_file_fails_instead_of_growing_without_bound()
    {
        var text = "a\n\"" + new string('x', 300_000);
        var error = Fails(text, new CsvLimits(MaxFieldLength: 1_000_000, MaxFields: 10, MaxRecordLength: 128 * 1024));

        Assert.Equal(2, error.Line);
    }

    [Fact]
    public async Task Records_spanning_buffer_boundaries_read_the_same_in_small_pieces()
    {
        var rows = Enumerable.Range(0, 20_000).Select(i => $"{i},\"name, {i}\r\nnext\",\"q\"\"{i}\"").ToList();
        var text = "id,name,quote\r\n" + string.Join("\r\n", rows) + "\r\n";
        var reader = new CsvReader(new OneCharAtATimeReader(text));

        var records = new List<CsvRecord>();
        while (await reader.ReadAsync() is { } record)
        {
            records.Add(record);
        }

        Assert.Equal(20_001, records.Count);
        Assert.Equal(["19999", "name, 19999\r\nnext", "q\"19999"], records[^1].Fields);
        Assert.Equal(1 + 2 * 19_999 + 1, records[^1].Line);
    }

    private static (int, int) Position(CsvFormatException e) => (e.Line, e.Column);

    /// <summary>Hands out text in tiny, uneven pieces, as a slow network would.</summary>
    private sealed class OneCharAtATimeReader(string text) : TextReader
    {
        private int _position;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            var n = Math.Min(Math.Min(buffer.Length, 1 + (_position % 7)), text.Length - _position);
            text.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));
    }
}
