using MiddleServerValidation.Reconciliation.Figures;

namespace MiddleServerValidation.Reports;

/// <summary>The data-quality report, drawn from the stored figures: one self-contained HTML page, and the same figures as CSV.</summary>
public static class DataQualityReport
{
    /// <summary>A complete, self-contained HTML document (UTF-8).</summary>
    public static string Html(DataQualityFigures figures) => HtmlReport.Render(figures);

    /// <summary>The same figures as CSV, UTF-8 with BOM.</summary>
    public static byte[] Csv(DataQualityFigures figures) => ReportCsv.Render(figures);
}
