namespace MiddleServerValidation.Processing.Reconciliation.Report;

/// <summary>
/// The data-quality report over the stored daily snapshots, for the <c>report</c> command and the Supervisors'
/// page of the web console: load the figures once, render them as HTML and as CSV.
/// </summary>
public interface IDataQualityReport
{
    Task<DataQualityFigures> LoadAsync(ReportQuery query, CancellationToken cancellationToken);

    /// <summary>A complete, self-contained HTML document (UTF-8).</summary>
    string RenderHtml(DataQualityFigures figures);

    /// <summary>The same figures as CSV, UTF-8 with BOM.</summary>
    byte[] RenderCsv(DataQualityFigures figures);
}
