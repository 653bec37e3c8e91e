using System.CommandLine;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.Staff;
using MiddleServerValidation.Staff;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace MiddleServerValidation.Cli.Commands;

/// <summary><c>msv staff add|list|disable</c>: the review console's local accounts.</summary>
internal static class StaffCommand
{
    public static Command Create() => new("staff", "審査コンソールの担当者アカウントを管理する (manage review-console staff accounts)")
    {
        Add(),
        List(),
        Disable(),
    };

    private static Command Add()
    {
        var user = new Argument<string>("user") { Description = "ユーザー名（英数字と . _ - @）" };
        var role = new Option<string>("--role") { Description = "役割: Reviewer（審査担当）または Supervisor（監督者）", Required = true };
        var name = new Option<string?>("--name") { Description = "画面に表示する氏名（省略時はユーザー名）" };
        var fromStdin = new Option<bool>("--password-stdin") { Description = "パスワードを標準入力の1行から読む（スクリプト用）" };
        var command = new Command("add", "担当者アカウントを作成する（パスワードは入力を求めるか標準入力から読む）") { user, role, name, fromStdin };
        command.SetAction((parse, ct) => RunAsync(async accounts =>
        {
            var password = ReadPassword(parse.GetValue(fromStdin));
            if (password is null)
            {
                return 2;
            }

            var account = await accounts.AddAsync(parse.GetValue(user)!, parse.GetValue(name) ?? "", parse.GetValue(role)!, password, ct);
            AnsiConsole.MarkupLineInterpolated(
                $"[green]アカウントを作成しました[/]: {account.UserName}（{account.DisplayName}、{StaffRoles.Label(account.Role)}）");
            return 0;
        }));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "担当者アカウントの一覧を表示する");
        command.SetAction((_, ct) => RunAsync(async accounts =>
        {
            var table = new Table().AddColumns("ユーザー名", "氏名", "役割", "作成日時", "状態");
            foreach (var a in await accounts.ListAsync(ct))
            {
                table.AddRow(Markup.Escape(a.UserName), Markup.Escape(a.DisplayName), StaffRoles.Label(a.Role),
                    a.CreatedAt.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd HH:mm"), a.DisabledAt is null ? "有効" : "無効");
            }

            AnsiConsole.Write(table);
            return 0;
        }));
        return command;
    }

    private static Command Disable()
    {
        var user = new Argument<string>("user") { Description = "ユーザー名" };
        var command = new Command("disable", "担当者アカウントを無効にする（削除はしない: 監査ログが参照する）") { user };
        command.SetAction((parse, ct) => RunAsync(async accounts =>
        {
            if (!await accounts.DisableAsync(parse.GetValue(user)!, ct))
            {
                AnsiConsole.MarkupLineInterpolated($"[red]アカウントがありません[/]: {parse.GetValue(user)}");
                return 1;
            }

            AnsiConsole.MarkupLineInterpolated($"[green]アカウントを無効にしました[/]: {parse.GetValue(user)}（サインイン中のセッションも次の操作で終了します）");
            return 0;
        }));
        return command;
    }

    private static async Task<int> RunAsync(Func<StaffAccounts, Task<int>> action)
    {
        var builder = CliHost.CreateBuilder();
        builder.AddPersistence();
        builder.AddStaffAccounts();
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        try
        {
            return await action(scope.ServiceProvider.GetRequiredService<StaffAccounts>());
        }
        catch (StaffAccountException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return 1;
        }
    }

    private static string? ReadPassword(bool fromStdin)
    {
        if (fromStdin || Console.IsInputRedirected)
        {
            var line = Console.In.ReadLine();
            if (string.IsNullOrEmpty(line))
            {
                AnsiConsole.MarkupLine("[red]標準入力からパスワードを読めませんでした。[/]");
                return null;
            }

            return line;
        }

        var password = AnsiConsole.Prompt(new TextPrompt<string>("パスワード:").Secret());
        var again = AnsiConsole.Prompt(new TextPrompt<string>("パスワード（確認）:").Secret());
        if (password != again)
        {
            AnsiConsole.MarkupLine("[red]パスワードが一致しません。[/]");
            return null;
        }

        return password;
    }
}
