using System.Buffers;
using MiddleServerValidation.BatchFiles.Csv;

namespace MiddleServerValidation.BatchFiles;

/// <summary>
/// The results of a batch as CSV: <c>registration_id,outcome,reason_codes,messages</c>, one line per data
/// row of the file, in the file's order. Codes and messages are separated by <c>;</c>, in the same order.
/// </summary>
public static class ResultsFile
{
    public const string HeaderLine = "registration_id,outcome,reason_codes,messages";
    public const char ListSeparator = ';';

    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    /// <summary>
    /// One line of results. Insurers open the file in spreadsheets too: a field that would read as a formula (a
    /// registration id such as <c>=HYPERLINK(…)</c> or <c>＋1</c>) is written with a leading apostrophe, as in
    /// every CSV the service makes for people (<see cref="SpreadsheetCsv"/>).
    /// </summary>
    public static string Line(string? registrationId, string outcome, IEnumerable<string> codes, IEnumerable<string> messages) =>
        string.Join(',',
            SpreadsheetCsv.Field(registrationId ?? string.Empty),
            SpreadsheetCsv.Field(outcome),
            SpreadsheetCsv.Field(string.Join(ListSeparator, codes)),
            // A message never carries the separator, so codes and messages stay aligned.
            SpreadsheetCsv.Field(string.Join(ListSeparator, messages.Select(m => m.Replace(ListSeparator, '；')))));

    /// <summary>RFC 4180 only (no formula defusing): quoted when it holds a comma, quote or line break; quotes doubled.</summary>
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(NeedsQuotes) < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
