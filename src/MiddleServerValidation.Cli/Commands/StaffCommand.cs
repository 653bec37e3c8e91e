using System.CommandLine;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.Staff;
using MiddleServerValidation.Staff;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace MiddleServerValidation.Cli.Commands;

/// <summary><c>msv staff add|list|disable|role|sign-out</c>: the review console's local accounts and their sessions.</summary>
internal static class StaffCommand
{
    public static Command Create() => new("staff", "審査コンソールの担当者アカウントを管理する (manage review-console staff accounts)")
    {
        Add(),
        List(),
        Disable(),
        Role(),
        SignOut(),
    };

    private static Command Add()
    {
        var user = new Argument<string>("user") { Description = "ユーザー名（英数字と . _ - @）" };
        var role = new Option<string>("--role") { Description = "役割: Reviewer（審査担当）または Supervisor（監督者）", Required = true };
        var name = new Option<string?>("--name") { Description = "画面に表示する氏名（省略時はユーザー名）" };
        var fromStdin = new Option<bool>("--password-stdin") { Description = "パスワードを標準入力の1行から読む（スクリプト用）" };
        var command = new Command("add", "担当者アカウントを作成する（パスワードは入力を求めるか標準入力から読む）") { user, role, name, fromStdin };
        command.SetAction((parse, ct) => RunAsync<StaffAccounts>(async accounts =>
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
        command.SetAction((_, ct) => RunAsync<StaffAccounts>(async accounts =>
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
        command.SetAction((parse, ct) => RunAsync<StaffAccounts>(async accounts =>
        {
            if (!await accounts.DisableAsync(parse.GetValue(user)!, ct))
            {
                AnsiConsole.MarkupLineInterpolated($"[red]アカウントがありません[/]: {parse.GetValue(user)}");
                return 1;
            }

            AnsiConsole.MarkupLineInterpolated($"[green]アカウントを無効にしました[/]: {parse.GetValue(user)}（サインイン中のセッションも終了しました）");
            return 0;
        }));
        return command;
    }

    private static Command Role()
    {
        var user = new Argument<string>("user") { Description = "ユーザー名" };
        var role = new Argument<string>("role") { Description = "新しい役割: Reviewer（審査担当）または Supervisor（監督者）" };
        var command = new Command("role", "担当者アカウントの役割を変更する（サインイン中のセッションは終了し、次のサインインから新しい役割になる）") { user, role };
        command.SetAction((parse, ct) => RunAsync<StaffAccounts>(async accounts =>
        {
            var name = parse.GetValue(user)!;
            var label = StaffRoles.Label(StaffRoles.Parse(parse.GetValue(role)));
            switch (await accounts.ChangeRoleAsync(name, parse.GetValue(role)!, ct))
            {
                case RoleChange.NoSuchAccount:
                    AnsiConsole.MarkupLineInterpolated($"[red]アカウントがありません[/]: {name}");
                    return 1;
                case RoleChange.Unchanged:
                    AnsiConsole.MarkupLineInterpolated($"役割は既に{label}です（変更なし）: {name}");
                    return 0;
                default:
                    AnsiConsole.MarkupLineInterpolated($"[green]役割を変更しました[/]: {name}（{label}、サインイン中のセッションは終了しました）");
                    return 0;
            }
        }));
        return command;
    }

    private static Command SignOut()
    {
        var user = new Argument<string>("user") { Description = "ユーザー名（外部認証の利用者は画面に表示される名前）" };
        var command = new Command("sign-out", "担当者のサインイン中のセッションをすべて終了する（外部認証の利用者にも使える）") { user };
        command.SetAction((parse, ct) => RunAsync<StaffSessions>(async sessions =>
        {
            var name = parse.GetValue(user)!.Trim();
            var ended = await sessions.EndAllAsync(name, SessionEndReasons.EndedByOperator, ct);
            AnsiConsole.MarkupLineInterpolated($"[green]セッションを終了しました[/]: {name}（{ended}件）");
            return 0;
        }));
        return command;
    }

    private static async Task<int> RunAsync<TService>(Func<TService, Task<int>> action)
        where TService : notnull
    {
        var builder = CliHost.CreateBuilder();
        builder.AddPersistence();
        builder.AddStaffAccounts();
        using var host = CliHost.Build(builder);
        await using var scope = host.Services.CreateAsyncScope();
        try
        {
            return await action(scope.ServiceProvider.GetRequiredService<TService>());
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
