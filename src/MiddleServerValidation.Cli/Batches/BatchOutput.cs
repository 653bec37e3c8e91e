using Spectre.Console;

namespace MiddleServerValidation.Cli.Batches;

/// <summary>How batch commands show a batch and an API error.</summary>
internal static class BatchOutput
{
    public static void Problem(ApiProblem problem)
    {
        var where = problem.Line is { } line ? $"（{line} 行目 {problem.Column} 列目）" : "";
        AnsiConsole.MarkupLineInterpolated($"[red]HTTP {problem.Status} {problem.Title}[/]{where}");
        if (problem.Detail is { Length: > 0 } detail)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{detail}[/]");
        }
    }

    public static void Status(BatchStatus status)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("項目", "値");
        table.AddRow("バッチID", status.BatchId.ToString());
        table.AddRow("ファイル", Markup.Escape(status.FileName ?? "-"));
        table.AddRow("状態", Markup.Escape(StatusText(status.Status)));
        table.AddRow("進捗", $"{status.RowsDone:N0} / {status.TotalRows:N0} 行");
        table.AddRow("[green]Accepted[/]", $"{status.Counts.Accepted:N0}");
        table.AddRow("[yellow]Suspected[/]", $"{status.Counts.Suspected:N0}");
        table.AddRow("[red]Rejected[/]", $"{status.Counts.Rejected:N0}");
        table.AddRow("Pending", $"{status.Counts.Pending:N0}");
        table.AddRow("受付", status.CreatedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss"));
        if (status is { StartedAt: { } started, CompletedAt: { } completed })
        {
            var seconds = Math.Max((completed - started).TotalSeconds, 0.001);
            table.AddRow("判定時間", $"{seconds:N1} 秒（{status.TotalRows / seconds:N0} 行/秒）");
        }

        AnsiConsole.Write(table);
    }

    public static string StatusText(string status) => status switch
    {
        "Queued" => "Queued（受付済み・処理待ち）",
        "Processing" => "Processing（判定中）",
        "Completed" => "Completed（完了）",
        _ => status,
    };
}
