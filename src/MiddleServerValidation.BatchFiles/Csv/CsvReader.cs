namespace MiddleServerValidation.BatchFiles.Csv;

/// <summary>
/// A streaming RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; lines end
/// in CRLF, LF or CR; a leading BOM and blank lines are skipped. Memory is bounded by the longest record
/// allowed, never by the file, so a file of any size reads in constant memory. Anything that is not CSV
/// stops the reading with a <see cref="CsvFormatException"/> naming the line and the column.
/// </summary>
public sealed class CsvReader(TextReader reader, CsvLimits? limits = null)
{
    private readonly CsvLimits _limits = limits ?? CsvLimits.Default;
    private char[] _buffer = new char[64 * 1024];
    private int _start;
    private int _end;
    private bool _endOfInput;
    private bool _started;
    private int _line = 1;

    /// <summary>The next record, or null at the end of the input.</summary>
    public async ValueTask<CsvRecord?> ReadAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (TryParse(out var record))
            {
                return record;
            }

            if (_endOfInput)
            {
                return null;
            }

            MakeRoom();
            var read = await reader.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            Filled(read);
        }
    }

    /// <summary>The next record, read synchronously (files, strings); null at the end of the input.</summary>
    public CsvRecord? Read()
    {
        while (true)
        {
            if (TryParse(out var record))
            {
                return record;
            }

            if (_endOfInput)
            {
                return null;
            }

            MakeRoom();
            Filled(reader.Read(_buffer, _end, _buffer.Length - _end));
        }
    }

    public IEnumerable<CsvRecord> ReadAll()
    {
        while (Read() is { } record)
        {
            yield return record;
        }
    }

    private bool TryParse(out CsvRecord? record)
    {
        record = null;
        if (!_started)
        {
            if (_end == _start && !_endOfInput)
            {
                return false;
            }

            _started = true;
            if (_end > _start && _buffer[_start] == '\uFEFF')
            {
                _start++;
            }
        }

        while (true)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var parser = new CsvRecordParser(span, _endOfInput, _line, _limits);
            switch (parser.Parse(out var fields))
            {
                case CsvParseStatus.NeedMore:
                    return false;
                case CsvParseStatus.End:
                    _start = _end;
                    return false;
                case CsvParseStatus.Blank:
                    (_start, _line) = (_start + parser.Consumed, parser.LineAfter);
                    continue;
                default:
                    record = new CsvRecord(_line, fields!);
                    (_start, _line) = (_start + parser.Consumed, parser.LineAfter);
                    return true;
            }
        }
    }

    /// <summary>Moves the unparsed rest to the front; grows the buffer only while one record does not fit.</summary>
    private void MakeRoom()
    {
        var pending = _end - _start;
        if (pending == _buffer.Length)
        {
            if (_buffer.Length >= _limits.MaxRecordLength)
            {
                throw new CsvFormatException(_line, 1,
                    $"{_line} 行目から始まる行が長すぎます（{_limits.MaxRecordLength} 文字まで）。引用符が閉じられていない可能性があります。");
            }

            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, _limits.MaxRecordLength));
        }
        else if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, pending);
        }

        (_start, _end) = (0, pending);
    }

    private void Filled(int read)
    {
        _end += read;
        _endOfInput = read == 0;
    }
}
