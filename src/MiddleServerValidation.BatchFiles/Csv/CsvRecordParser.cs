using System.Buffers;
using System.Text;

namespace MiddleServerValidation.BatchFiles.Csv;

internal enum CsvParseStatus
{
    Record,
    Blank,
    NeedMore,
    End,
}

/// <summary>
/// Parses one record from the start of <paramref name="text"/>. When the text ends before the record does and
/// more input may follow, it answers <see cref="CsvParseStatus.NeedMore"/> and the caller parses again from
/// the same place with more text: simpler than carrying state across buffers, and rare (once per buffer).
/// </summary>
internal ref struct CsvRecordParser(ReadOnlySpan<char> text, bool final, int line, CsvLimits limits)
{
    private static readonly SearchValues<char> UnquotedStops = SearchValues.Create(",\r\n\"");
    private static readonly SearchValues<char> Forbidden = SearchValues.Create("\0\uFFFD");

    private readonly ReadOnlySpan<char> _text = text;
    private int _position;

    public int Consumed { get; private set; }

    public int LineAfter { get; private set; } = line;

    public CsvParseStatus Parse(out string[]? fields)
    {
        fields = null;
        if (_text.IsEmpty)
        {
            return final ? CsvParseStatus.End : CsvParseStatus.NeedMore;
        }

        if (_text[0] is '\r' or '\n')
        {
            return EndOfLine() ? Done(CsvParseStatus.Blank) : CsvParseStatus.NeedMore;
        }

        var list = new List<string>(16);
        var quotedAny = false;
        while (true)
        {
            if (list.Count == limits.MaxFields)
            {
                throw Error(list.Count + 1, $"列が多すぎます（{limits.MaxFields} 列まで）。");
            }

            var quoted = _position < _text.Length && _text[_position] == '"';
            var field = quoted ? QuotedField(list.Count + 1) : UnquotedField(list.Count + 1);
            if (field is null)
            {
                return CsvParseStatus.NeedMore;
            }

            quotedAny |= quoted;
            list.Add(field);
            if (_position == _text.Length)
            {
                if (!final)
                {
                    return CsvParseStatus.NeedMore;
                }

                break;
            }

            if (_text[_position] == ',')
            {
                _position++;
                continue;
            }

            if (!EndOfLine())
            {
                return CsvParseStatus.NeedMore;
            }

            break;
        }

        if (!quotedAny && list.Count == 1 && string.IsNullOrWhiteSpace(list[0]))
        {
            return Done(CsvParseStatus.Blank);
        }

        fields = [.. list];
        return Done(CsvParseStatus.Record);
    }

    private CsvParseStatus Done(CsvParseStatus status)
    {
        Consumed = _position;
        return status;
    }

    /// <summary>Consumes CRLF, LF or CR; false when a CR is the last character seen and an LF may follow.</summary>
    private bool EndOfLine()
    {
        if (_text[_position] == '\r')
        {
            if (_position + 1 == _text.Length && !final)
            {
                return false;
            }

            _position += _position + 1 < _text.Length && _text[_position + 1] == '\n' ? 2 : 1;
        }
        else
        {
            _position++;
        }

        LineAfter++;
        return true;
    }

    private string? UnquotedField(int column)
    {
        var rest = _text[_position..];
        var length = rest.IndexOfAny(UnquotedStops);
        if (length < 0)
        {
            if (!final)
            {
                return null;
            }

            length = rest.Length;
        }
        else if (rest[length] == '"')
        {
            throw Error(column, "引用符で囲まれていない項目の途中に引用符（\"）があります。項目全体を引用符で囲み、中の引用符は \"\" と書いてください。");
        }

        _position += length;
        return Checked(rest[..length], column);
    }

    private string? QuotedField(int column)
    {
        var openedOn = LineAfter;
        var value = new StringBuilder();
        _position++;
        while (true)
        {
            var rest = _text[_position..];
            var quote = rest.IndexOf('"');
            if (quote < 0)
            {
                if (!final)
                {
                    return null;
                }

                throw new CsvFormatException(openedOn, column,
                    $"{openedOn} 行目 {column} 列目の引用符（\"）が閉じられていません。");
            }

            CountLineBreaks(rest[..quote]);
            value.Append(rest[..quote]);
            _position += quote + 1;
            if (value.Length > limits.MaxFieldLength)
            {
                throw Error(column, $"項目が長すぎます（{limits.MaxFieldLength} 文字まで）。");
            }

            if (_position == _text.Length)
            {
                return final ? Checked(value.ToString(), column) : null;
            }

            if (_text[_position] == '"')
            {
                value.Append('"');
                _position++;
                continue;
            }

            if (_text[_position] is not (',' or '\r' or '\n'))
            {
                throw Error(column, "閉じ引用符（\"）の後に区切り（,）でも改行でもない文字があります。");
            }

            return Checked(value.ToString(), column);
        }
    }

    private string Checked(ReadOnlySpan<char> value, int column)
    {
        if (value.Length > limits.MaxFieldLength)
        {
            throw Error(column, $"項目が長すぎます（{limits.MaxFieldLength} 文字まで）。");
        }

        var bad = value.IndexOfAny(Forbidden);
        if (bad >= 0)
        {
            throw Error(column, value[bad] == '\0'
                ? "NUL 文字（0x00）があります。テキストの CSV ファイルを送ってください。"
                : "指定された文字コードとして読めないバイト列があります。UTF-8 で送るか、Shift_JIS（CP932）の場合は Content-Type に charset=shift_jis を付けてください。");
        }

        return value.Length == 0 ? string.Empty : new string(value);
    }

    private void CountLineBreaks(ReadOnlySpan<char> value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\n' || (value[i] == '\r' && (i + 1 == value.Length || value[i + 1] != '\n')))
            {
                LineAfter++;
            }
        }
    }

    private readonly CsvFormatException Error(int column, string problem) =>
        new(LineAfter, column, $"{LineAfter} 行目 {column} 列目: {problem}");
}
