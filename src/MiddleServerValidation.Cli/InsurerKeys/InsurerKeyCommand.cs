using System.CommandLine;
using MiddleServerValidation.Domain.InsurerNumbers;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.InsurerKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace MiddleServerValidation.Cli.InsurerKeys;

/// <summary>
/// <c>msv insurer-key create INSURER</c> issues an API key and prints it once (only its hash is stored);
/// <c>list</c> and <c>revoke</c> manage the keys. Operators run these against the database.
/// </summary>
internal static class InsurerKeyCommand
{
    public static Command Create() => new("insurer-key", "保険者のAPIキーを発行・一覧・失効する (manage insurers' API keys)")
    {
        CreateCommand(),
        ListCommand(),
        RevokeCommand(),
    };

    private static Command CreateCommand()
    {
        var insurer = new Argument<string>("insurer") { Description = "保険者番号（6桁または8桁、検証番号を含む）" };
        var label = new Option<string?>("--label") { Description = "キーの用途などのメモ" };
        var command = new Command("create", "APIキーを発行する。キーはこの一度だけ表示される") { insurer, label };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var number = InsurerNumber.Parse(parse.GetValue(insurer));
            if (!number.IsValid)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]保険者番号が正しくありません: {number.ErrorMessage}[/]");
                return 2;
            }

            var (keyId, key) = ApiKeyFormat.Generate();
            await WithDbAsync(async db =>
            {
                db.Add(new InsurerApiKey
                {
                    KeyId = keyId,
                    InsurerNumber = number.Value.Value,
                    SecretHash = ApiKeyFormat.Hash(key),
                    Label = parse.GetValue(label),
                    CreatedAt = DateTimeOffset.UtcNow,
                });
                await db.SaveChangesAsync(cancellationToken);
            });
            AnsiConsole.MarkupLineInterpolated(
                $"[green]保険者 {number.Value.Value} のAPIキーを発行しました[/]（キーID {keyId}）。キーはこの一度だけ表示されます。安全な場所に保管してください:");
            AnsiConsole.WriteLine(key);
            return 0;
        });
        return command;
    }

    private static Command ListCommand()
    {
        var insurer = new Argument<string?>("insurer") { Description = "保険者番号（省略するとすべて）", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("list", "発行済みのAPIキーを一覧する（キーそのものは表示されない）") { insurer };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var filter = parse.GetValue(insurer);
            var table = new Table().Border(TableBorder.Rounded).AddColumns("キーID", "保険者番号", "メモ", "発行", "失効");
            await WithDbAsync(async db =>
            {
                var keys = await db.Set<InsurerApiKey>().AsNoTracking()
                    .Where(k => filter == null || k.InsurerNumber == filter).OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken);
                foreach (var k in keys)
                {
                    table.AddRow(k.KeyId, k.InsurerNumber, Markup.Escape(k.Label ?? ""),
                        k.CreatedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm"), k.RevokedAt?.ToLocalTime().ToString("yyyy-MM-dd HH:mm") ?? "");
                }
            });
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Command RevokeCommand()
    {
        var keyId = new Argument<string>("key-id") { Description = "失効させるキーID（list で表示されるもの）" };
        var command = new Command("revoke", "APIキーを失効させる。以後そのキーの要求は 401 になる") { keyId };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = parse.GetValue(keyId);
            var revoked = 0;
            await WithDbAsync(async db => revoked = await db.Set<InsurerApiKey>()
                .Where(k => k.KeyId == id && k.RevokedAt == null)
                .ExecuteUpdateAsync(k => k.SetProperty(x => x.RevokedAt, DateTimeOffset.UtcNow), cancellationToken));
            if (revoked == 0)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]有効なキー {id} はありません[/]");
                return 1;
            }

            AnsiConsole.MarkupLineInterpolated($"[green]キー {id} を失効させました[/]");
            return 0;
        });
        return command;
    }

    private static async Task WithDbAsync(Func<ValidationDbContext, Task> action)
    {
        var builder = CliHost.CreateBuilder();
        builder.AddPersistence();
        using var host = CliHost.Build(builder);
        await using var scope = host.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<ValidationDbContext>());
    }
}
