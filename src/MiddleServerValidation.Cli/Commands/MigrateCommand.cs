using System.CommandLine;
using MiddleServerValidation.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Spectre.Console;

namespace MiddleServerValidation.Cli.Commands;

/// <summary>
/// <c>msv migrate [--grant-to ROLE[,ROLE…]]</c>: applies the migrations as the migration role (<c>ConnectionStrings:Migrations</c>,
/// else <c>ConnectionStrings:Validation</c>), then grants the services' runtime role (<c>--grant-to</c>, or
/// <c>Database:RuntimeRole</c>) what it needs on the schema as it now stands.
/// </summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var grantTo = new Option<string?>("--grant-to") { Description = "サービスが使う実行用ロール（カンマ区切りで複数可。行の読み書きだけを許可する）" };
        var command = new Command("migrate", "データベースのスキーマを最新にする (apply the database migrations)") { grantTo };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var builder = CliHost.CreateBuilder();
            if (builder.Configuration.GetConnectionString("Migrations") is { Length: > 0 } migrations)
            {
                builder.Configuration[$"ConnectionStrings:{PersistenceExtensions.ConnectionStringName}"] = migrations;
            }

            builder.AddPersistence();
            using var host = CliHost.Build(builder);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ValidationDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.MigrateAsync(cancellationToken);
            AnsiConsole.MarkupLine(pending.Count == 0
                ? "[green]スキーマは最新です[/] (no pending migrations)"
                : $"[green]{pending.Count} 件のマイグレーションを適用しました[/]: {string.Join(", ", pending)}");

            // One role per host in production (msv_web, msv_worker): the setting lists them comma-separated.
            var roles = (parse.GetValue(grantTo) ?? builder.Configuration["Database:RuntimeRole"] ?? "")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (roles.Length > 0)
            {
                await using var connection = await host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(cancellationToken);
                foreach (var role in roles)
                {
                    await DatabaseRoles.GrantRuntimeAsync(connection, role, cancellationToken);
                    AnsiConsole.MarkupLineInterpolated($"[green]実行用ロール {role} に行の読み書きを許可しました[/]（追記専用の表は追加のみ）");
                }
            }

            return 0;
        });
        return command;
    }
}
