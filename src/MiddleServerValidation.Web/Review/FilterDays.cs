namespace MiddleServerValidation.Web.Review;

/// <summary>
/// The days a console filter takes. A day far outside them (<c>0001-01-01</c>, <c>9999-12-31</c>) has no Japan-time
/// start or end the framework can represent, and no case, audit entry or report is dated anywhere near it: such a day
/// is dropped from the filter, and the page says so, like a day it cannot read.
/// </summary>
public static class FilterDays
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2999, 12, 31);

    /// <summary>What a page says when it dropped a condition it could not use.</summary>
    public const string Hint = "日付は 1900-01-01 から 2999-12-31 までを YYYY-MM-DD の形式で指定してください";

    /// <summary>The day when a filter can use it, else null.</summary>
    public static DateOnly? Usable(DateOnly? day) => day is { } d && (d < Earliest || d > Latest) ? null : day;

    public static bool IsUsable(DateOnly? day) => Usable(day) == day;
}
