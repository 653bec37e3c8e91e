using MiddleServerValidation.Persistence.Reconciliation;
using MiddleServerValidation.Reconciliation;
using MiddleServerValidation.Reconciliation.Runs;
using Spectre.Console;

namespace MiddleServerValidation.Cli.Reconciliation;

/// <summary>A run's result for the operator: one line for the run, one table row per step.</summary>
internal static class RunSummary
{
    public static void Print(RunOutcome outcome)
    {
        switch (outcome.Kind)
        {
            case RunOutcomeKind.LockBusy:
                AnsiConsole.MarkupLine("[yellow]別のプロセスが夜間照合を実行中です。今回は実行しませんでした。[/]");
                return;
            case RunOutcomeKind.AlreadyDone:
                AnsiConsole.MarkupLine("[green]本日の夜間照合は実行済みです。[/]");
                return;
        }

        var run = outcome.Run!;
        if (outcome.Resumed)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]中断されていた実行 {run.Id}（{run.RunDate:yyyy-MM-dd}）を再開しました。完了済みの手順は再実行していません。[/]");
        }

        var table = new Table().AddColumns("手順", "状態", "所要時間", "件数", "注意・エラー");
        foreach (var name in ReconciliationSteps.Ordered.Where(run.Steps.Contains))
        {
            var step = outcome.Steps.FirstOrDefault(s => s.Step == name);
            var counts = RunStore.CountsOf(step).Where(c => c.Value != 0 || c.Key is "new_findings" or "still_pending")
                .Select(c => $"{ReconciliationSteps.CountLabelOf(c.Key)} {c.Value:N0}");
            table.AddRow(
                Markup.Escape(ReconciliationSteps.LabelOf(name)),
                StatusOf(step?.Status),
                step?.FinishedAt is { } finished ? $"{(finished - step.StartedAt).TotalSeconds:N1} 秒" : "-",
                Markup.Escape(string.Join("、", counts)),
                Markup.Escape(step?.Error ?? step?.Warning ?? ""));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(outcome.Kind switch
        {
            RunOutcomeKind.Succeeded => $"[green]夜間照合が完了しました[/]（実行 {run.Id}）",
            RunOutcomeKind.SucceededWithWarnings => $"[yellow]夜間照合は完了しましたが、残った作業があります[/]（実行 {run.Id}）",
            RunOutcomeKind.Interrupted => $"[yellow]夜間照合を中断しました。次回の実行で続きから再開します[/]（実行 {run.Id}）",
            _ => $"[red]夜間照合が失敗しました: {Markup.Escape(run.Error ?? "")}[/]（実行 {run.Id}）",
        });
    }

    private static string StatusOf(string? status) => status switch
    {
        ReconciliationStepStatuses.Finished => "[green]完了[/]",
        ReconciliationStepStatuses.Failed => "[red]失敗[/]",
        ReconciliationStepStatuses.Running => "[yellow]中断[/]",
        _ => "未実行",
    };
}
