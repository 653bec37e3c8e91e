namespace MiddleServerValidation.Reconciliation.Corrections;

/// <summary>
/// The correction files the runs generated, for the <c>report</c> command and the Supervisors' download page:
/// the latest file of every insurer, or one insurer's latest, or the file of a given run.
/// </summary>
public interface ICorrectionFiles
{
    Task<IReadOnlyList<CorrectionFileInfo>> LatestAsync(CancellationToken cancellationToken);

    /// <summary>The insurer's most recent file (from the latest run that made one); null when none exists.</summary>
    Task<CorrectionFileContent?> LatestOfAsync(string insurerNumber, CancellationToken cancellationToken);

    Task<CorrectionFileContent?> OfRunAsync(Guid runId, string insurerNumber, CancellationToken cancellationToken);
}

public sealed record CorrectionFileInfo(Guid RunId, string InsurerNumber, string FileName, int RowCount, DateTimeOffset CreatedAt);

/// <summary>A file ready to send: CSV, UTF-8 with BOM.</summary>
public sealed record CorrectionFileContent(CorrectionFileInfo Info, byte[] Content)
{
    public const string ContentType = "text/csv; charset=utf-8";
}
