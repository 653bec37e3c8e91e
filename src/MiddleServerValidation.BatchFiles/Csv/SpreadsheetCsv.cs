namespace MiddleServerValidation.BatchFiles.Csv;

/// <summary>
/// Fields of CSV files made for people to open in a spreadsheet (audit log, correction files, report figures):
/// RFC 4180 quoting, and a leading formula character defused with an apostrophe so the cell shows as text.
/// </summary>
public static class SpreadsheetCsv
{
    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
