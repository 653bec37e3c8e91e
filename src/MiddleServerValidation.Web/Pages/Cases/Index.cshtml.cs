using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiddleServerValidation.Web.Review;
using MiddleServerValidation.Web.Review.Authentication;
using MiddleServerValidation.Web.Review.Cases;

namespace MiddleServerValidation.Web.Pages.Cases;

public sealed class IndexModel(CaseQueue queue) : PageModel
{
    public CaseQueueFilter Filter { get; private set; } = new();

    public CaseQueuePage Result { get; private set; } = null!;

    public string? Message { get; private set; }

    public async Task OnGetAsync([FromQuery] CaseQueueFilter filter, CancellationToken cancellationToken)
    {
        var dropped = filter.DropUnusableDays();
        if (dropped || !ModelState.IsValid)
        {
            Message = $"絞り込み条件の一部を読み取れなかったため、無視しました（{FilterDays.Hint}）。";
        }

        Filter = filter;
        Result = await queue.ReadAsync(filter, User.UserName(), cancellationToken);
    }

    public int CountOf(string code) => Result.CountsByCode.FirstOrDefault(c => c.Code == code).Count;

    /// <summary>The link on a column header: sorts by it, or turns the order round when it already sorts.</summary>
    public Dictionary<string, string?> SortLink(string column) =>
        Filter.With(sort: column, dir: Filter.Sort == column && !Filter.Descending ? "desc" : "asc", page: 1);

    public string SortMark(string column) => Filter.Sort != column ? "" : Filter.Descending ? " ▼" : " ▲";
}
