using MiddleServerValidation.BatchFiles.Csv;

namespace MiddleServerValidation.BatchFiles;

/// <summary>
/// Where each contract column is in a file's header row. Columns may come in any order; every column but
/// <c>insurer_number</c> must be there, and no unknown or repeated name is allowed, so that a typo in a
/// header fails the upload instead of silently emptying a column in every row. An error names the line and column,
/// never the text of a cell: a file without its header row has a personal number or a name there.
/// </summary>
public sealed class BatchFileHeader
{
    private readonly int[] _positions;

    private BatchFileHeader(int[] positions, int fieldCount) => (_positions, FieldCount) = (positions, fieldCount);

    /// <summary>How many fields every row should have.</summary>
    public int FieldCount { get; }

    /// <exception cref="CsvFormatException">The header is not the contract's, with the line and column that is wrong.</exception>
    public static BatchFileHeader Parse(CsvRecord? header)
    {
        if (header is null)
        {
            throw new CsvFormatException(1, 1, $"ファイルが空です。1 行目に見出し行（{BatchColumns.HeaderLine}）が必要です。");
        }

        var names = header.Fields.Select(f => f.Trim().ToLowerInvariant()).ToArray();
        if (!names.Any(name => IndexOf(name) >= 0))
        {
            throw new CsvFormatException(header.Line, 1,
                $"{header.Line} 行目が見出し行ではありません（既知の列名が 1 つもありません。データ行から始まっていませんか）。" +
                $"1 行目には見出し行 {BatchColumns.HeaderLine} を書いてください。");
        }

        var positions = Enumerable.Repeat(-1, BatchColumns.Count).ToArray();
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i];
            var column = IndexOf(name);
            if (column < 0)
            {
                var hint = ColumnNameHint.Closest(name) is { } closest ? $"（「{closest}」の誤りではありませんか）" : "";
                throw new CsvFormatException(header.Line, i + 1,
                    $"{header.Line} 行目 {i + 1} 列目: 見出しが使えない列名です{hint}。使える列名: {BatchColumns.HeaderLineWithAll}");
            }

            if (positions[column] >= 0)
            {
                throw new CsvFormatException(header.Line, i + 1,
                    $"{header.Line} 行目 {i + 1} 列目: 見出し「{name}」が {positions[column] + 1} 列目と重複しています。");
            }

            positions[column] = i;
        }

        var missing = Enumerable.Range(0, BatchColumns.Count)
            .Where(c => positions[c] < 0 && !BatchColumns.IsOptional((BatchColumn)c))
            .Select(c => BatchColumns.Names[c])
            .ToArray();
        if (missing.Length > 0)
        {
            throw new CsvFormatException(header.Line, header.Fields.Length + 1,
                $"{header.Line} 行目: 見出し行に必須の列がありません: {string.Join(", ", missing)}（見出し行は {BatchColumns.HeaderLine}）。");
        }

        return new BatchFileHeader(positions, header.Fields.Length);
    }

    public bool Has(BatchColumn column) => _positions[(int)column] >= 0;

    /// <summary>The field of a row, or null when the column is absent, the row too short, or the field empty.</summary>
    public string? Value(string[] fields, BatchColumn column)
    {
        var position = _positions[(int)column];
        return position >= 0 && position < fields.Length && fields[position].Length > 0 ? fields[position] : null;
    }

    private static int IndexOf(string name)
    {
        for (var i = 0; i < BatchColumns.Count; i++)
        {
            if (BatchColumns.Names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
