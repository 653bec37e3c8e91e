using System.CommandLine;
using MiddleServerValidation.Cli.Reconciliation;
using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Persistence.Reconciliation;
using MiddleServerValidation.Reconciliation;
using MiddleServerValidation.Reconciliation.DryRun;
using MiddleServerValidation.Reconciliation.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Spectre.Console;

namespace MiddleServerValidation.Cli.Commands;

/// <summary>
/// <c>msv reconcile [--steps …]</c> runs (or resumes) the nightly reconciliation now;
/// <c>msv reconcile --dry-run --rules VERSION</c> shows what switching on a rule-set version would change.
/// Exit codes: 0 done, 3 done with work left (e.g. J-LIS lookups still pending), 1 failed, 2 wrong usage or settings,
/// 4 another process is running it, 5 interrupted (resumed by the next run).
/// </summary>
internal static class ReconcileCommand
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "書き込まずに、--rules の版へ切り替えた場合の疑いの増減を表示する" };
        var rules = new Option<string?>("--rules") { Description = $"比較するルールセットの版（{string.Join(", ", RuleSets.All.Select(r => r.Version))}）。--dry-run と併用" };
        var steps = new Option<string[]>("--steps")
        {
            Description = $"実行する手順（{string.Join(",", ReconciliationSteps.Ordered)}）。省略時は {ReconciliationSteps.JlisAudit} 以外のすべて",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("reconcile", "夜間照合を今すぐ実行する (run the nightly reconciliation now)") { dryRun, rules, steps };
        command.SetAction((parse, cancellationToken) =>
        {
            var version = parse.GetValue(rules);
            if (parse.GetValue(dryRun))
            {
                return PreviewAsync(version, cancellationToken);
            }

            if (version is not null)
            {
                AnsiConsole.MarkupLine("[red]--rules は --dry-run と一緒に指定してください。稼働中のサービスは現行の版で判定します。[/]");
                return Task.FromResult(2);
            }

            var chosen = ReconciliationSteps.Parse(parse.GetValue(steps) ?? []);
            if (chosen is null)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]不明な手順があります。指定できるのは {string.Join(", ", ReconciliationSteps.Ordered)} です。[/]");
                return Task.FromResult(2);
            }

            return RunAsync(chosen.Count == 0 ? ReconciliationSteps.All : chosen, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(IReadOnlyList<string> steps, CancellationToken cancellationToken)
    {
        var builder = CliHost.CreateBuilder();
        builder.AddReconciliation();
        using var host = CliHost.Build(builder);
        try
        {
            // Starting the host validates every setting (database, keys, J-LIS, reconciliation) before any work.
            await host.StartAsync(cancellationToken);
        }
        catch (OptionsValidationException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]設定に誤りがあるため実行できません: {e.Message}[/]");
            return 2;
        }

        try
        {
            var runner = host.Services.GetRequiredService<ReconciliationRunner>();
            var clock = host.Services.GetRequiredService<TimeProvider>();
            var request = new RunRequest(ReconciliationTriggers.Command, TokyoCalendar.Today(clock), steps);
            var outcome = await ProgressDisplay.RunAsync(progress => runner.RunAsync(request with { Progress = progress }, cancellationToken), cancellationToken);
            RunSummary.Print(outcome);
            return outcome.Kind switch
            {
                RunOutcomeKind.Succeeded => 0,
                RunOutcomeKind.SucceededWithWarnings => 3,
                RunOutcomeKind.LockBusy => 4,
                RunOutcomeKind.Interrupted => 5,
                _ => 1,
            };
        }
        catch (NpgsqlException e)
        {
            // Before a run record could be written (no database): the failure can only be told here.
            AnsiConsole.MarkupLineInterpolated($"[red]データベースに接続できないため、夜間照合を実行できませんでした: {e.Message}[/]");
            return 1;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<int> PreviewAsync(string? version, CancellationToken cancellationToken)
    {
        if (RuleSets.Find(version) is not { } proposed)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"[red]ルールセット「{version ?? "(未指定)"}」はありません。--rules に指定できる版: {string.Join(", ", RuleSets.All.Select(r => r.Version))}[/]");
            return 2;
        }

        var builder = CliHost.CreateBuilder();
        builder.AddReconciliation();
        using var host = CliHost.Build(builder);
        var preview = host.Services.GetRequiredService<RuleChangePreview>();
        var diff = await ProgressDisplay.RunAsync(progress => preview.PreviewAsync(proposed, progress, cancellationToken), cancellationToken);
        RuleChangeTable.Print(proposed, diff);
        return 0;
    }
}
