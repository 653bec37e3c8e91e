using System.Text;
using MiddleServerValidation.BatchFiles.Csv;
using MiddleServerValidation.Persistence.Audit;
using MiddleServerValidation.Persistence.Staff;
using MiddleServerValidation.Staff;
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
        SpreadsheetCsv.Field(JapanTime.DateTime(entry.OccurredAt)),
        SpreadsheetCsv.Field(entry.Actor),
        SpreadsheetCsv.Field(entry.ActorRole is null ? "" : StaffRoles.Label(entry.ActorRole)),
        SpreadsheetCsv.Field(Labels.AuditAction(entry.Action)),
        SpreadsheetCsv.Field(entry.Action),
        SpreadsheetCsv.Field(entry.FindingId?.ToString() ?? ""),
        SpreadsheetCsv.Field(entry.Details),
        SpreadsheetCsv.Field(entry.ClientAddress ?? ""));
}
