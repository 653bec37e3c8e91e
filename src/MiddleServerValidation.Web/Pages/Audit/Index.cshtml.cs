using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiddleServerValidation.Persistence.Audit;
using MiddleServerValidation.Web.Review.Audit;
using MiddleServerValidation.Web.Review.Display;

namespace MiddleServerValidation.Web.Pages.Audit;

/// <summary>The audit log, for Supervisors only (folder policy): browse, filter, export as CSV.</summary>
public sealed class IndexModel(AuditQuery query, AuditLog audit, TimeProvider clock) : PageModel
{
    public AuditFilter Filter { get; private set; } = new();

    public AuditPage Result { get; private set; } = null!;

    public string? Message { get; private set; }

    public async Task OnGetAsync([FromQuery] AuditFilter filter, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Message = "絞り込み条件の一部を読み取れなかったため、無視しました（日付は YYYY-MM-DD、案件IDは UUID の形式です）。";
        }

        Filter = filter;
        Result = await query.ReadAsync(filter, cancellationToken);
    }

    /// <summary>The filtered log as CSV (UTF-8 with BOM), streamed; the export itself is audited first.</summary>
    public async Task<IActionResult> OnGetCsvAsync([FromQuery] AuditFilter filter, CancellationToken cancellationToken)
    {
        await audit.WriteAsync(User, AuditActions.ExportAuditLog, null, $"監査ログをCSV出力（{filter.Describe()}）", cancellationToken);
        var name = string.Create(CultureInfo.InvariantCulture, $"audit-log-{JapanTime.Today(clock):yyyyMMdd}.csv");
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        await AuditCsv.WriteAsync(Response.Body, query.StreamAsync(filter), cancellationToken);
        return new EmptyResult();
    }
}
