using System.CommandLine;
using MiddleServerValidation.Cli.Batches;
using MiddleServerValidation.Cli.Commands;
using MiddleServerValidation.Cli.InsurerKeys;
using Spectre.Console;

if (Console.IsOutputRedirected)
{
    // Logs and CI capture output without a terminal width: keep tables readable there.
    AnsiConsole.Profile.Width = 160;
}

var root = new RootCommand("MiddleServerValidation: 中間サーバー登録データ検証サービスのコマンドライン")
{
    MigrateCommand.Create(),
    SendCommand.Create(),
    StaffCommand.Create(),
    ReconcileCommand.Create(),
    ReportCommand.Create(),
    SubmitCommand.Create(),
    StatusCommand.Create(),
    ResultsCommand.Create(),
    InsurerKeyCommand.Create(),
    ErrorsCommand.Create(),
    PersonalDataCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
