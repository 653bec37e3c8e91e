using System.Text;
using MiddleServerValidation.Domain.Dates;
using MiddleServerValidation.BatchFiles.Csv;
using MiddleServerValidation.Reconciliation.Figures;
using MiddleServerValidation.Reconciliation.Snapshots;

namespace MiddleServerValidation.Reports;

/// <summary>The report's figures as CSV (UTF-8 with BOM): one row per day, insurer and KPI, then the all-insurer totals.</summary>
internal static class ReportCsv
{
    public const string AllInsurers = "全保険者";
    public static readonly string[] Header = ["日付", "和暦", "保険者番号", "指標コード", "指標", "件数"];

    public static byte[] Render(DataQualityFigures figures)
    {
        var text = new StringBuilder();
        Line(text, Header);
        foreach (var (date, insurer, kpi, value) in figures.Rows())
        {
            Line(text, [date.ToString("yyyy-MM-dd"), JapaneseDate.ToEraKanji(date), insurer, kpi, DataQualityKpis.LabelOf(kpi), value.ToString()]);
        }

        foreach (var kpi in DataQualityKpis.All)
        {
            foreach (var (date, value) in figures.Series(null, kpi))
            {
                Line(text, [date.ToString("yyyy-MM-dd"), JapaneseDate.ToEraKanji(date), AllInsurers, kpi, DataQualityKpis.LabelOf(kpi), value.ToString()]);
            }
        }

        // The findings closed that day, per way of closing, and the median hours they had stayed open.
        foreach (var r in figures.Resolutions)
        {
            var date = r.Date.ToString("yyyy-MM-dd");
            Line(text, [date, JapaneseDate.ToEraKanji(r.Date), r.InsurerNumber, $"resolved.{r.Status}", "解消：" + ResolutionLabels.Label(r.Status), r.Count.ToString()]);
            Line(text, [date, JapaneseDate.ToEraKanji(r.Date), r.InsurerNumber, $"resolved_hours_median.{r.Status}",
                "解消までの時間（中央値・時間）：" + ResolutionLabels.Label(r.Status), Math.Round(r.MedianHoursOpen).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void Line(StringBuilder text, IEnumerable<string> fields) =>
        text.Append(string.Join(',', fields.Select(SpreadsheetCsv.Field))).Append("\r\n");
}
