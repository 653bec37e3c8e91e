using MiddleServerValidation.Persistence.Findings;

namespace MiddleServerValidation.Web.Review.Cases;

/// <summary>What the queue shows: bound from the query string, so a filtered page can be bookmarked or shared.</summary>
public sealed class CaseQueueFilter
{
    public const string AllStatuses = "All";
    public const string AssignedToMe = "me";
    public const string Unassigned = "none";

    public string? Insurer { get; set; }
    public string? Code { get; set; }
    public string Status { get; set; } = FindingStatuses.Open;
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public string? Assignee { get; set; }

    /// <summary><c>created</c>, <c>insurer</c>, <c>code</c> or <c>status</c>.</summary>
    public string Sort { get; set; } = "created";

    /// <summary><c>asc</c> or <c>desc</c>; the queue works oldest first by default.</summary>
    public string Dir { get; set; } = "asc";

    /// <summary>Query key <c>p</c>: <c>page</c> is the route value Razor Pages uses for the page's own path.</summary>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "p")]
    public int PageNumber { get; set; } = 1;

    public bool Descending => string.Equals(Dir, "desc", StringComparison.OrdinalIgnoreCase);

    /// <summary>Drops a day the filter cannot use (<see cref="FilterDays"/>); true when one was dropped.</summary>
    public bool DropUnusableDays()
    {
        var dropped = !FilterDays.IsUsable(From) || !FilterDays.IsUsable(To);
        (From, To) = (FilterDays.Usable(From), FilterDays.Usable(To));
        return dropped;
    }

    /// <summary>The filter as route values, with some of them replaced (for links that change one thing).</summary>
    public Dictionary<string, string?> With(string? sort = null, string? dir = null, int? page = null, string? code = null, bool clearCode = false) => new()
    {
        ["insurer"] = Insurer,
        ["code"] = clearCode ? null : code ?? Code,
        ["status"] = Status,
        ["from"] = From?.ToString("yyyy-MM-dd"),
        ["to"] = To?.ToString("yyyy-MM-dd"),
        ["assignee"] = Assignee,
        ["sort"] = sort ?? Sort,
        ["dir"] = dir ?? Dir,
        ["p"] = (page ?? PageNumber).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
