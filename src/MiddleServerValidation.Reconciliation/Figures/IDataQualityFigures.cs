namespace MiddleServerValidation.Reconciliation.Figures;

/// <summary>
/// The stored daily data-quality figures, for the <c>report</c> command and the Supervisors' page of the web console.
/// Presenting them (HTML, SVG, CSV) is <c>MiddleServerValidation.Reports</c>' job.
/// </summary>
public interface IDataQualityFigures
{
    Task<DataQualityFigures> LoadAsync(ReportQuery query, CancellationToken cancellationToken);
}
