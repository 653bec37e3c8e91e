using System.Globalization;

namespace MiddleServerValidation.Web.Review.Audit;

/// <summary>What the audit page shows and exports: bound from the query string.</summary>
public sealed class AuditFilter
{
    public string? Actor { get; set; }
    public string? Action { get; set; }
    public Guid? CaseId { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    /// <summary>Query key <c>p</c>: <c>page</c> is the route value Razor Pages uses for the page's own path.</summary>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Drops a day the filter cannot use (<see cref="FilterDays"/>); true when one was dropped.</summary>
    public bool DropUnusableDays()
    {
        var dropped = !FilterDays.IsUsable(From) || !FilterDays.IsUsable(To);
        (From, To) = (FilterDays.Usable(From), FilterDays.Usable(To));
        return dropped;
    }

    public Dictionary<string, string?> With(int? page = null) => new()
    {
        ["actor"] = Actor,
        ["action"] = Action,
        ["caseId"] = CaseId?.ToString(),
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["p"] = (page ?? PageNumber).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The filter in words, for the audit entry of an export.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Actor)) parts.Add($"操作者={Actor}");
        if (!string.IsNullOrWhiteSpace(Action)) parts.Add($"操作={Action}");
        if (CaseId is { } id) parts.Add($"案件={id}");
        if (From is { } from) parts.Add(string.Create(CultureInfo.InvariantCulture, $"開始日={from:yyyy-MM-dd}"));
        if (To is { } to) parts.Add(string.Create(CultureInfo.InvariantCulture, $"終了日={to:yyyy-MM-dd}"));
        return parts.Count == 0 ? "条件なし" : string.Join("、", parts);
    }
}
