using Microsoft.EntityFrameworkCore;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.Reconciliation;

namespace MiddleServerValidation.Web.Review.Reports;

/// <summary>The latest reconciliation runs, newest first, for the Reports page's status table.</summary>
public sealed class RecentRuns(ValidationDbContext db)
{
    public const int Shown = 5;

    public async Task<IReadOnlyList<ReconciliationRun>> ReadAsync(CancellationToken cancellationToken) =>
        await db.Set<ReconciliationRun>().AsNoTracking().OrderByDescending(r => r.StartedAt).Take(Shown).ToListAsync(cancellationToken);

    public static string Status(string status) => status switch
    {
        ReconciliationRunStatuses.Running => "実行中",
        ReconciliationRunStatuses.Succeeded => "正常終了",
        ReconciliationRunStatuses.SucceededWithWarnings => "終了（要確認事項あり）",
        ReconciliationRunStatuses.Failed => "失敗",
        _ => status,
    };

    public static string Trigger(string trigger) => trigger switch
    {
        ReconciliationTriggers.Schedule => "定時実行",
        ReconciliationTriggers.Command => "コマンド実行",
        ReconciliationTriggers.DryRun => "試行（書き込みなし）",
        _ => trigger,
    };
}
