using System.CommandLine;

namespace MiddleServerValidation.Cli.Batches;

/// <summary><c>msv status ID</c>: a batch's status, progress and counts per outcome.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var settings = new ApiSettings();
        var id = new Argument<Guid>("id") { Description = "バッチID（submit が表示したもの）" };
        var command = new Command("status", "バッチの状態・進捗・結果件数を表示する (show a batch)") { id };
        settings.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = settings.Client(parse);
            if (client is null)
            {
                return 2;
            }

            var status = await client.StatusAsync(parse.GetValue(id), cancellationToken);
            if (status.Value is null)
            {
                BatchOutput.Problem(status.Problem!);
                return 1;
            }

            BatchOutput.Status(status.Value);
            return 0;
        });
        return command;
    }
}
