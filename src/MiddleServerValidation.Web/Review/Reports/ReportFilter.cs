using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;
using MiddleServerValidation.Reconciliation.Figures;

namespace MiddleServerValidation.Web.Review.Reports;

/// <summary>Which figures the report shows: bound from the query string, carried on to the report and CSV links.</summary>
public sealed partial class ReportFilter
{
    private const string InsurerNumberPattern = "^[0-9]{6,8}$";

    [RegularExpression(InsurerNumberPattern)]
    public string? Insurer { get; set; }

    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    /// <summary>Drops a day the filter cannot use (<see cref="FilterDays"/>); true when one was dropped.</summary>
    public bool DropUnusableDays()
    {
        var dropped = !FilterDays.IsUsable(From) || !FilterDays.IsUsable(To);
        (From, To) = (FilterDays.Usable(From), FilterDays.Usable(To));
        return dropped;
    }

    public ReportQuery ToQuery() => new(From, To, string.IsNullOrEmpty(Insurer) ? null : Insurer);

    public static bool IsInsurerNumber(string? text) => text is not null && InsurerNumber().IsMatch(text);

    public Dictionary<string, string?> RouteValues() => new()
    {
        ["insurer"] = Insurer,
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>The filter in words, for the audit entry of a view or download.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Insurer)) parts.Add($"保険者番号={Insurer}");
        if (From is { } from) parts.Add(string.Create(CultureInfo.InvariantCulture, $"開始日={from:yyyy-MM-dd}"));
        if (To is { } to) parts.Add(string.Create(CultureInfo.InvariantCulture, $"終了日={to:yyyy-MM-dd}"));
        return parts.Count == 0 ? "条件なし" : string.Join("、", parts);
    }

    [GeneratedRegex(InsurerNumberPattern)]
    private static partial Regex InsurerNumber();
}
