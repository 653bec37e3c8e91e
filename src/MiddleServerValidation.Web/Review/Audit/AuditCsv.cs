using System.Text;
using MiddleServerValidation.Persistence.Audit;
using MiddleServerValidation.Persistence.Staff;
using MiddleServerValidation.Web.Review.Display;

namespace MiddleServerValidation.Web.Review.Audit;

/// <summary>
/// The audit log as CSV: UTF-8 with a byte-order mark, so that Excel opens the Japanese text correctly, CRLF line
/// ends (RFC 4180), and cells that a spreadsheet would take for a formula prefixed with an apostrophe.
/// </summary>
public static class AuditCsv
{
    public const string Header = "日時（日本時間）,操作者,役割,操作,操作コード,案件ID,詳細,接続元";

    public static async Task WriteAsync(Stream body, IAsyncEnumerable<AuditEntry> entries, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        writer.NewLine = "\r\n";
        await writer.WriteLineAsync(Header.AsMemory(), cancellationToken);
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(Line(entry).AsMemory(), cancellationToken);
        }
    }

    public static string Line(AuditEntry entry) => string.Join(',',
        Cell(JapanTime.DateTime(entry.OccurredAt)),
        Cell(entry.Actor),
        Cell(entry.ActorRole is null ? "" : StaffRoles.Label(entry.ActorRole)),
        Cell(Labels.AuditAction(entry.Action)),
        Cell(entry.Action),
        Cell(entry.FindingId?.ToString() ?? ""),
        Cell(entry.Details),
        Cell(entry.ClientAddress ?? ""));

    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
