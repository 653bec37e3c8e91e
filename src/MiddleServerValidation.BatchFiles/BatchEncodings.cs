using System.Text;

namespace MiddleServerValidation.BatchFiles;

/// <summary>
/// The encodings a batch file may come in: UTF-8 (with or without BOM) and Shift_JIS as Windows writes it
/// (CP932, with the NEC and IBM extensions). Bytes that do not decode become U+FFFD, which the CSV reader
/// reports with their line and column.
/// </summary>
public static class BatchEncodings
{
    public const string Utf8 = "utf-8";
    public const string ShiftJis = "shift_jis";

    private static readonly string[] ShiftJisNames = ["shift_jis", "shift-jis", "sjis", "x-sjis", "cp932", "windows-31j", "ms932"];

    static BatchEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The canonical name for a charset parameter (null or absent means UTF-8), or null when it is not supported.</summary>
    public static string? Canonical(string? charset)
    {
        var name = charset?.Trim().Trim('"').ToLowerInvariant();
        if (string.IsNullOrEmpty(name) || name is "utf-8" or "utf8")
        {
            return Utf8;
        }

        return ShiftJisNames.Contains(name) ? ShiftJis : null;
    }

    public static Encoding Get(string canonical) => canonical switch
    {
        Utf8 => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false),
        ShiftJis => Encoding.GetEncoding(932, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD")),
        _ => throw new ArgumentOutOfRangeException(nameof(canonical), canonical, "Unsupported batch-file encoding."),
    };

    /// <summary>A reader for the file's bytes; only UTF-8 looks for a byte-order mark.</summary>
    public static StreamReader Reader(Stream stream, string canonical, bool leaveOpen = false) =>
        new(stream, Get(canonical), detectEncodingFromByteOrderMarks: canonical == Utf8, bufferSize: 64 * 1024, leaveOpen);
}
