using System.CommandLine;
using System.Globalization;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Reconciliation;
using MiddleServerValidation.Reconciliation.Corrections;
using MiddleServerValidation.Reconciliation.Figures;
using MiddleServerValidation.Reports;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace MiddleServerValidation.Cli.Commands;

/// <summary>
/// <c>msv report [--output DIR]</c>: the data-quality report (self-contained HTML and CSV) over the stored daily
/// figures, and each insurer's latest correction file, written to a folder.
/// </summary>
internal static class ReportCommand
{
    public const string HtmlFile = "data-quality-report.html";
    public const string CsvFile = "data-quality-report.csv";
    public const string CorrectionsFolder = "corrections";

    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--output") { Description = "出力先フォルダ", DefaultValueFactory = _ => new DirectoryInfo("report") };
        var from = new Option<string?>("--from") { Description = "この日以降の記録だけ（例: 2026-11-01）" };
        var to = new Option<string?>("--to") { Description = "この日までの記録だけ" };
        var insurer = new Option<string?>("--insurer") { Description = "この保険者番号だけ" };
        var command = new Command("report", "データ品質レポート（HTML・CSV）と保険者ごとの要修正リストを出力する (write the data-quality report)")
        {
            output, from, to, insurer,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            if (!TryDate(parse.GetValue(from), out var fromDate) || !TryDate(parse.GetValue(to), out var toDate))
            {
                AnsiConsole.MarkupLine("[red]日付は 2026-11-21 の形で指定してください。[/]");
                return Task.FromResult(2);
            }

            return WriteAsync(parse.GetValue(output)!, new ReportQuery(fromDate, toDate, parse.GetValue(insurer)?.Trim()), cancellationToken);
        });
        return command;
    }

    private static async Task<int> WriteAsync(DirectoryInfo output, ReportQuery query, CancellationToken cancellationToken)
    {
        var builder = CliHost.CreateBuilder();
        builder.AddPersistence();
        builder.AddReconciliationResults();
        using var host = CliHost.Build(builder);
        var report = host.Services.GetRequiredService<IDataQualityFigures>();
        var corrections = host.Services.GetRequiredService<ICorrectionFiles>();

        var figures = await report.LoadAsync(query, cancellationToken);
        output.Create();
        await File.WriteAllTextAsync(Path.Combine(output.FullName, HtmlFile), DataQualityReport.Html(figures), cancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(output.FullName, CsvFile), DataQualityReport.Csv(figures), cancellationToken);
        var folder = Directory.CreateDirectory(Path.Combine(output.FullName, CorrectionsFolder));
        var files = (await corrections.LatestAsync(cancellationToken))
            .Where(f => query.InsurerNumber is null || f.InsurerNumber == query.InsurerNumber).ToList();
        foreach (var info in files)
        {
            var file = await corrections.OfRunAsync(info.RunId, info.InsurerNumber, cancellationToken);
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, info.FileName), file!.Content, cancellationToken);
        }

        AnsiConsole.MarkupLineInterpolated(
            $"[green]レポートを出力しました[/]: {output.FullName}（{figures.Dates.Count} 日分・保険者 {figures.Insurers.Count}・要修正リスト {files.Count} ファイル、{files.Sum(f => f.RowCount):N0} 行）");
        return 0;
    }

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (text is null)
        {
            return true;
        }

        var ok = DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed);
        date = ok ? parsed : null;
        return ok;
    }
}
