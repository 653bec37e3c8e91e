namespace MiddleServerValidation.Reconciliation;

/// <summary>The steps of a run, in the order they run.</summary>
public static class ReconciliationSteps
{
    /// <summary>(a) Retry J-LIS lookups still pending.</summary>
    public const string JlisRetry = "jlis";

    /// <summary>(b) Re-check every number with more than one registration under the current rules.</summary>
    public const string Recheck = "recheck";

    /// <summary>
    /// (b2) Every stored registration in use compared with J-LIS on the facts it holds (the full-store check). Not part of
    /// the nightly run: it asks J-LIS about every record; run it with <c>msv reconcile --steps jlis-audit</c>.
    /// </summary>
    public const string JlisAudit = "jlis-audit";

    /// <summary>(c) Per insurer, the file of records to correct.</summary>
    public const string Corrections = "corrections";

    /// <summary>(d) The day's data-quality figures per insurer.</summary>
    public const string Snapshot = "snapshot";

    /// <summary>The nightly steps: what a run without <c>--steps</c> and the schedule run.</summary>
    public static IReadOnlyList<string> All { get; } = [JlisRetry, Recheck, Corrections, Snapshot];

    /// <summary>Every step, in the order they run when named.</summary>
    public static IReadOnlyList<string> Ordered { get; } = [JlisRetry, Recheck, JlisAudit, Corrections, Snapshot];

    public static string LabelOf(string step) => step switch
    {
        JlisRetry => "保留中のJ-LIS照会の再試行",
        Recheck => "全件再照合",
        JlisAudit => "全件J-LIS照合",
        Corrections => "要修正リストの作成",
        Snapshot => "データ品質の記録",
        _ => step,
    };

    /// <summary>The Japanese label of a count a step records (see each step's counts).</summary>
    public static string CountLabelOf(string count) => count switch
    {
        "pending_before" => "開始時の保留",
        "asked" => "照会",
        "decided" => "判定",
        "still_pending" => "保留のまま",
        "numbers" => "照合した個人番号",
        "new_findings" => "新たな疑い",
        "already_recorded" => "登録済みの疑い",
        "dismissed_kept" => "理由付き疑いなし（維持）",
        "outcomes_changed" => "受理→疑いに変更",
        "no_longer_raised" => "現行ルールで出ない既存案件",
        "needs_jlis" => "J-LIS回答がなく判定できず",
        "unreadable" => "読み取り不可",
        "files" => "ファイル",
        "rows" => "要修正の行",
        "insurers" => "保険者",
        "registrations" => "登録件数",
        "open_cases" => "未処理の疑い案件",
        "compared" => "J-LISと照合",
        "confirmed" => "一致",
        "mismatches" => "不一致（疑い）",
        "address_only" => "住所のみ不一致",
        "complete" => "全件完了",
        _ => count,
    };

    /// <summary>The named steps in run order; null when a name is unknown.</summary>
    public static IReadOnlyList<string>? Parse(IEnumerable<string> names)
    {
        var requested = names.SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(n => n.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return requested.All(Ordered.Contains) ? Ordered.Where(requested.Contains).ToArray() : null;
    }
}
