using System.CommandLine;
using MiddleServerValidation.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace MiddleServerValidation.Cli.Commands;

internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "データベースのスキーマを最新にする (apply the database migrations)");
        command.SetAction(async (_, cancellationToken) =>
        {
            var builder = CliHost.CreateBuilder();
            builder.AddPersistence();
            using var host = builder.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ValidationDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.MigrateAsync(cancellationToken);
            AnsiConsole.MarkupLine(pending.Count == 0
                ? "[green]スキーマは最新です[/] (no pending migrations)"
                : $"[green]{pending.Count} 件のマイグレーションを適用しました[/]: {string.Join(", ", pending)}");
            return 0;
        });
        return command;
    }
}
