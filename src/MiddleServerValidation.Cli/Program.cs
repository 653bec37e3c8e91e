using System.CommandLine;
using MiddleServerValidation.Cli.Commands;

var root = new RootCommand("MiddleServerValidation: 中間サーバー登録データ検証サービスのコマンドライン")
{
    MigrateCommand.Create(),
    SendCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
