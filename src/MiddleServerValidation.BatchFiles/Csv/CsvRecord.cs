namespace MiddleServerValidation.BatchFiles.Csv;

/// <summary>One CSV record and the physical line it starts on (a quoted field may span lines).</summary>
public sealed record CsvRecord(int Line, string[] Fields);
