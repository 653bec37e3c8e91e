namespace MiddleServerValidation.BatchFiles.Csv;

/// <summary>
/// The file is not readable CSV at <see cref="Line"/> (1-based physical line) and <see cref="Column"/>
/// (1-based CSV column). The message is Japanese: it goes back to the insurer as it is.
/// </summary>
public sealed class CsvFormatException(int line, int column, string message) : Exception(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
