using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiddleServerValidation.Persistence.Audit;
using MiddleServerValidation.Web.Review;
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
        Usable(filter);
        await ShowAsync(filter, cancellationToken);
    }

    /// <summary>
    /// The filtered log as CSV (UTF-8 with BOM), streamed; the export itself is audited first. A filter with a
    /// condition the page would drop shows the page and its message instead: no export of more than was asked for.
    /// </summary>
    public async Task<IActionResult> OnGetCsvAsync([FromQuery] AuditFilter filter, CancellationToken cancellationToken)
    {
        if (!Usable(filter))
        {
            await ShowAsync(filter, cancellationToken);
            return Page();
        }

        await audit.WriteAsync(User, AuditActions.ExportAuditLog, null, $"監査ログをCSV出力（{filter.Describe()}）", cancellationToken);
        var name = string.Create(CultureInfo.InvariantCulture, $"audit-log-{JapanTime.Today(clock):yyyyMMdd}.csv");
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        await AuditCsv.WriteAsync(Response.Body, query.StreamAsync(filter), cancellationToken);
        return new EmptyResult();
    }

    private async Task ShowAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        Filter = filter;
        Result = await query.ReadAsync(filter, cancellationToken);
    }

    /// <summary>Drops what the filter cannot use and says so on the page; false when something was dropped.</summary>
    private bool Usable(AuditFilter filter)
    {
        if (!filter.DropUnusableDays() && ModelState.IsValid)
        {
            return true;
        }

        Message = $"絞り込み条件の一部を読み取れなかったため、無視しました（{FilterDays.Hint}。案件IDは UUID の形式です）。";
        return false;
    }
}
