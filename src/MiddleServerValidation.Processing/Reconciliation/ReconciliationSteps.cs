namespace MiddleServerValidation.Processing.Reconciliation;

/// <summary>The steps of a run, in the order they run.</summary>
public static class ReconciliationSteps
{
    /// <summary>(a) Retry J-LIS lookups still pending.</summary>
    public const string JlisRetry = "jlis";

    /// <summary>(b) Re-check every number with more than one registration under the current rules.</summary>
    public const string Recheck = "recheck";

    /// <summary>(c) Per insurer, the file of records to correct.</summary>
    public const string Corrections = "corrections";

    /// <summary>(d) The day's data-quality figures per insurer.</summary>
    public const string Snapshot = "snapshot";

    public static IReadOnlyList<string> All { get; } = [JlisRetry, Recheck, Corrections, Snapshot];

    public static string LabelOf(string step) => step switch
    {
        JlisRetry => "保留中のJ-LIS照会の再試行",
        Recheck => "全件再照合",
        Corrections => "要修正リストの作成",
        Snapshot => "データ品質の記録",
        _ => step,
    };

    /// <summary>The named steps in run order; null when a name is unknown.</summary>
    public static IReadOnlyList<string>? Parse(IEnumerable<string> names)
    {
        var requested = names.SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(n => n.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return requested.All(All.Contains) ? All.Where(requested.Contains).ToArray() : null;
    }
}
