using System.Text;
using MiddleServerValidation.Domain;
using MiddleServerValidation.BatchFiles.Csv;
using MiddleServerValidation.Domain.Dates;

namespace MiddleServerValidation.Reconciliation.Corrections;

/// <summary>One insurer's correction file: CSV, UTF-8 with BOM (what Excel in Japan opens correctly), Japanese headers.</summary>
internal sealed class CorrectionCsv
{
    public static readonly string[] Header = ["登録ID", "個人番号", "修正が必要な内容", "理由コード", "受付日", "受付日（和暦）"];

    private readonly StringBuilder _text = new();

    public CorrectionCsv() => AppendLine(Header);

    public int Rows { get; private set; }

    public void Add(string registrationId, string maskedNumber, ReasonCode code, string what, DateOnly receivedOn)
    {
        AppendLine([registrationId, maskedNumber, what, code.ToString(), receivedOn.ToString("yyyy-MM-dd"), JapaneseDate.ToEraKanji(receivedOn)]);
        Rows++;
    }

    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];

    public static string FileName(string insurerNumber, DateOnly runDate) => $"corrections-{insurerNumber}-{runDate:yyyyMMdd}.csv";

    private void AppendLine(IEnumerable<string> fields) => _text.Append(string.Join(',', fields.Select(SpreadsheetCsv.Field))).Append("\r\n");
}
