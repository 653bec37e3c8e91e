using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Reconciliation.DryRun;
using MiddleServerValidation.Reconciliation.Snapshots;
using Spectre.Console;

namespace MiddleServerValidation.Cli.Reconciliation;

/// <summary>The rule-change preview for the operator: per insurer and reason, what would be added and what would disappear.</summary>
internal static class RuleChangeTable
{
    public static void Print(RuleSet proposed, RuleChangeDiff diff)
    {
        AnsiConsole.MarkupLineInterpolated($"ルールセットの比較: 現行 {diff.CurrentVersion} → {diff.ProposedVersion}（書き込みはしていません）");
        AnsiConsole.MarkupLineInterpolated($"{proposed.Version}: {proposed.Description}");
        AnsiConsole.MarkupLineInterpolated($"照合した個人番号: {diff.Numbers:N0} 件");
        var table = new Table().AddColumns("保険者番号", "理由", "追加される疑い", "検出されなくなる疑い", "現行ルールでも未登録");
        foreach (var row in diff.Rows)
        {
            table.AddRow(row.InsurerNumber, Markup.Escape($"{DataQualityKpis.LabelOf(DataQualityKpis.Suspected(Enum.Parse<Domain.ReasonCode>(row.Code)))}（{row.Code}）"),
                $"{row.Added:N0}", $"{row.Disappearing:N0}", $"{row.CurrentUnrecorded:N0}");
        }

        table.AddRow("[bold]合計[/]", "", $"[bold]{diff.Added:N0}[/]", $"[bold]{diff.Disappearing:N0}[/]", $"[bold]{diff.CurrentUnrecorded:N0}[/]");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(diff.Added == 0 && diff.Disappearing == 0
            ? "[green]この版に切り替えても、検出される疑いは変わりません。[/]"
            : $"この版に切り替えると、疑いが {diff.Added:N0} 件増え、{diff.Disappearing:N0} 件が検出されなくなります（検出されなくなる既存案件は自動では閉じません）。");
    }
}
