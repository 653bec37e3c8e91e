using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;

namespace MiddleServerValidation.Cli.Batches;

/// <summary>
/// <c>msv submit FILE</c>: uploads a batch file, follows it while it is decided (progress in rows/s), then
/// shows the counts per outcome.
/// </summary>
internal static class SubmitCommand
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public static Command Create()
    {
        var settings = new ApiSettings();
        var file = new Argument<FileInfo>("file") { Description = "バッチファイル（CSV、見出し行 registration_id,insurer_number,…）" };
        var charset = new Option<string>("--charset")
        {
            Description = "ファイルの文字コード: utf-8（BOM 有無とも）または shift_jis（CP932）",
            DefaultValueFactory = _ => "utf-8",
        };
        var noWait = new Option<bool>("--no-wait") { Description = "受け付けられたら判定を待たずに終わる" };
        var command = new Command("submit", "バッチファイルを送信し、判定の進捗と結果件数を表示する (upload a batch file)") { file, charset, noWait };
        settings.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = settings.Client(parse);
            return client is null ? 2 : await RunAsync(client, parse.GetValue(file)!, parse.GetValue(charset)!, !parse.GetValue(noWait), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(BatchApiClient client, FileInfo file, string charset, bool wait, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]ファイルがありません: {file.FullName}[/]");
            return 2;
        }

        ApiProblem? problem = null;
        BatchStatus? final = null;
        async Task RunWith(ISubmitProgress progress)
        {
            var accepted = await UploadAsync(client, file, charset, progress, cancellationToken);
            problem = accepted.Problem;
            if (accepted.Value is { } batch && wait)
            {
                (final, problem) = await FollowAsync(client, batch.BatchId, progress, cancellationToken);
            }
            else if (accepted.Value is { } queued)
            {
                AnsiConsole.MarkupLineInterpolated($"受け付けました: バッチID [bold]{queued.BatchId}[/]（{queued.TotalRows:N0} 行）");
            }
        }

        if (AnsiConsole.Profile.Capabilities.Interactive)
        {
            await AnsiConsole.Progress().AutoClear(false).HideCompleted(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(context => RunWith(new BarProgress(context, file.Length)));
        }
        else
        {
            await RunWith(new LineProgress());
        }

        if (problem is not null)
        {
            BatchOutput.Problem(problem);
            return 1;
        }

        if (final is not null)
        {
            BatchOutput.Status(final);
            AnsiConsole.MarkupLineInterpolated($"結果ファイル: [bold]msv results {final.BatchId} --output results.csv[/]");
        }

        return 0;
    }

    private static async Task<ApiResult<BatchAccepted>> UploadAsync(
        BatchApiClient client, FileInfo file, string charset, ISubmitProgress progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var stream = new CountingStream(file.OpenRead());
        var upload = client.UploadAsync(stream, charset, file.Name, cancellationToken);
        while (await Task.WhenAny(upload, Task.Delay(200, cancellationToken)) != upload)
        {
            var rows = Math.Max(stream.LinesRead - 1, 0);
            progress.Upload(stream.BytesRead, file.Length, rows, rows / Math.Max(clock.Elapsed.TotalSeconds, 0.001), done: false);
        }

        var result = await upload;
        if (result.Value is { } accepted)
        {
            progress.Upload(file.Length, file.Length, accepted.TotalRows, accepted.TotalRows / Math.Max(clock.Elapsed.TotalSeconds, 0.001), done: true);
        }

        return result;
    }

    private static async Task<(BatchStatus? Final, ApiProblem? Problem)> FollowAsync(
        BatchApiClient client, Guid batchId, ISubmitProgress progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        int? from = null;
        while (true)
        {
            var status = await client.StatusAsync(batchId, cancellationToken);
            if (status.Value is not { } current)
            {
                return (null, status.Problem);
            }

            if (current.RowsDone == 0 || from is null)
            {
                // Rows/s from the moment a worker is seen deciding the batch, not from the upload.
                from = current.RowsDone;
                clock.Restart();
            }

            var done = current.Status == "Completed";
            var rate = (current.RowsDone - from.Value) / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
            progress.Decide(current.RowsDone, current.TotalRows, rate, done);
            if (done)
            {
                return (current, null);
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
