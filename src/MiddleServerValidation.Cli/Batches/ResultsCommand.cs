using System.CommandLine;
using Spectre.Console;

namespace MiddleServerValidation.Cli.Batches;

/// <summary><c>msv results ID [--output FILE]</c>: the results CSV of a completed batch, to a file or to standard output.</summary>
internal static class ResultsCommand
{
    public static Command Create()
    {
        var settings = new ApiSettings();
        var id = new Argument<Guid>("id") { Description = "バッチID" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "保存先のファイル（省略すると標準出力）" };
        var command = new Command("results", "完了したバッチの結果CSVを取得する (download a batch's results)") { id, output };
        settings.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = settings.Client(parse);
            if (client is null)
            {
                return 2;
            }

            var file = parse.GetValue(output);
            ApiProblem? problem;
            await using (var destination = file is null ? Console.OpenStandardOutput() : file.Create())
            {
                problem = await client.DownloadResultsAsync(parse.GetValue(id), destination, cancellationToken);
            }

            if (problem is not null)
            {
                file?.Delete();
                BatchOutput.Problem(problem);
                return 1;
            }

            if (file is not null)
            {
                AnsiConsole.MarkupLineInterpolated($"[green]結果を保存しました[/]: {file.FullName}");
            }

            return 0;
        });
        return command;
    }
}
