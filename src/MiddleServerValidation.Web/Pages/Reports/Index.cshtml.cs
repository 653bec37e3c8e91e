using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiddleServerValidation.Persistence.Audit;
using MiddleServerValidation.Persistence.Reconciliation;
using MiddleServerValidation.Reconciliation.Corrections;
using MiddleServerValidation.Reconciliation.Figures;
using MiddleServerValidation.Reports;
using MiddleServerValidation.Web.Review;
using MiddleServerValidation.Web.Review.Audit;
using MiddleServerValidation.Web.Review.Display;
using MiddleServerValidation.Web.Review.Reports;

namespace MiddleServerValidation.Web.Pages.Reports;

/// <summary>
/// The nightly reconciliation's results, for Supervisors only (folder policy): the data-quality report as its own
/// page and as CSV, and each insurer's latest correction file. Every view and download is audited.
/// </summary>
public sealed class IndexModel(IDataQualityFigures report, ICorrectionFiles corrections, RecentRuns runs, AuditLog audit, TimeProvider clock)
    : PageModel
{
    // The report is one self-contained document: its own inline styles and SVG, and still no script, frame or form.
    private const string ReportPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public ReportFilter Filter { get; private set; } = new();
    public DataQualityFigures Figures { get; private set; } = null!;
    public IReadOnlyList<ReconciliationRun> Runs { get; private set; } = [];
    public IReadOnlyList<CorrectionFileInfo> Files { get; private set; } = [];
    public string? Message { get; private set; }

    public Task OnGetAsync([FromQuery] ReportFilter filter, CancellationToken cancellationToken) => ShowAsync(Usable(filter), cancellationToken);

    // A download or the report document with a condition the page dropped shows the page and its message instead.
    public async Task<IActionResult> OnGetHtmlAsync([FromQuery] ReportFilter filter, CancellationToken cancellationToken)
    {
        filter = Usable(filter);
        if (Message is not null)
        {
            await ShowAsync(filter, cancellationToken);
            return Page();
        }

        var figures = await report.LoadAsync(filter.ToQuery(), cancellationToken);
        await audit.WriteAsync(User, AuditActions.ViewDataQualityReport, null, $"データ品質レポートを閲覧（{filter.Describe()}）", cancellationToken);
        Response.Headers.ContentSecurityPolicy = ReportPolicy;
        return Content(DataQualityReport.Html(figures), "text/html; charset=utf-8");
    }

    public async Task<IActionResult> OnGetCsvAsync([FromQuery] ReportFilter filter, CancellationToken cancellationToken)
    {
        filter = Usable(filter);
        if (Message is not null)
        {
            await ShowAsync(filter, cancellationToken);
            return Page();
        }

        var figures = await report.LoadAsync(filter.ToQuery(), cancellationToken);
        await audit.WriteAsync(User, AuditActions.ExportDataQualityCsv, null, $"データ品質レポートをCSV出力（{filter.Describe()}）", cancellationToken);
        var name = string.Create(CultureInfo.InvariantCulture, $"data-quality-report-{JapanTime.Today(clock):yyyyMMdd}.csv");
        return File(DataQualityReport.Csv(figures), CorrectionFileContent.ContentType, name);
    }

    /// <summary>An insurer's latest correction file, or the one of a given run.</summary>
    public async Task<IActionResult> OnGetCorrectionsAsync(string? insurer, Guid? run, CancellationToken cancellationToken)
    {
        var file = string.IsNullOrWhiteSpace(insurer) ? null
            : run is { } runId ? await corrections.OfRunAsync(runId, insurer.Trim(), cancellationToken)
            : await corrections.LatestOfAsync(insurer.Trim(), cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        var info = file.Info;
        await audit.WriteAsync(User, AuditActions.DownloadCorrectionFile, null,
            $"保険者番号 {info.InsurerNumber} の要修正リスト {info.FileName}（{info.RowCount}行、作成 {JapanTime.DateTime(info.CreatedAt)}）をダウンロード",
            cancellationToken);
        return File(file.Content, CorrectionFileContent.ContentType, info.FileName);
    }

    private async Task ShowAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        Filter = filter;
        Figures = await report.LoadAsync(Filter.ToQuery(), cancellationToken);
        Runs = await runs.ReadAsync(cancellationToken);
        Files = [.. (await corrections.LatestAsync(cancellationToken)).Where(f => Filter.Insurer is null || f.InsurerNumber == Filter.Insurer)];
    }

    // An unreadable or unusable condition is dropped and said so, as on the other console pages, rather than refused.
    private ReportFilter Usable(ReportFilter filter)
    {
        if (!filter.DropUnusableDays() && ModelState.IsValid)
        {
            return filter;
        }

        Message = $"絞り込み条件の一部を読み取れなかったため、無視しました（保険者番号は数字6桁または8桁、{FilterDays.Hint}）。";
        return new ReportFilter { Insurer = ReportFilter.IsInsurerNumber(filter.Insurer) ? filter.Insurer : null, From = filter.From, To = filter.To };
    }
}
