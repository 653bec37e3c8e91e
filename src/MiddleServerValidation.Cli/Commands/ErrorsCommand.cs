using System.CommandLine;
using System.Security.Cryptography;
using MiddleServerValidation.Cli.ErrorQueue;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Processing;
using MiddleServerValidation.Processing.Decisions;
using MiddleServerValidation.Processing.ErrorQueue;
using MiddleServerValidation.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace MiddleServerValidation.Cli.Commands;

/// <summary>
/// The registrations' error queue for operators: <c>msv errors list</c> shows why each message failed, from whom, which
/// registration (nothing personal: the bodies are sealed); <c>msv errors replay</c> opens them and decides them through
/// the decision step as the worker would, for their sender as the broker authenticated it when they arrived.
/// </summary>
internal static class ErrorsCommand
{
    public static Command Create()
    {
        var limit = new Option<int>("--limit") { Description = "扱う件数の上限", DefaultValueFactory = _ => 1000 };
        var list = new Command("list", "エラーキューの登録を一覧表示する（原因・送信元・登録ID）") { limit };
        list.SetAction((parse, cancellationToken) => ListAsync(parse.GetValue(limit), cancellationToken));
        var replayLimit = new Option<int>("--limit") { Description = "再処理する件数の上限", DefaultValueFactory = _ => 1000 };
        var replay = new Command("replay", "エラーキューの登録を開封して、もう一度判定する（判定できたものはキューから除く）") { replayLimit };
        replay.SetAction((parse, cancellationToken) => ReplayAsync(parse.GetValue(replayLimit), cancellationToken));
        return new Command("errors", "登録のエラーキュー (enrollee-registrations_error)") { list, replay };
    }

    private static async Task<int> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var reader = await ErrorQueueReader.ConnectAsync(BrokerOptions(), cancellationToken);
        var table = new Table().AddColumns("日時", "送信元", "登録ID", "原因");
        var count = 0;
        while (count < limit && await reader.NextAsync(cancellationToken) is { } message)
        {
            count++;
            table.AddRow(Markup.Escape(message.FaultedAt ?? ""), Markup.Escape(message.Sender ?? "（不明）"),
                Markup.Escape(message.RegistrationId ?? "（読めません）"), Markup.Escape(message.Cause ?? message.ExceptionType ?? ""));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"{count} 件");
        return 0;
    }

    private static async Task<int> ReplayAsync(int limit, CancellationToken cancellationToken)
    {
        var builder = CliHost.CreateBuilder();
        builder.AddProcessing();
        using var host = CliHost.Build(builder);
        var protector = host.Services.GetRequiredService<PersonalNumberProtector>();
        var step = host.Services.GetRequiredService<DecisionStep>();
        await using var reader = await ErrorQueueReader.ConnectAsync(BrokerOptions(), cancellationToken);

        var (decided, kept) = (0, 0);
        for (var taken = 0; taken < limit && await reader.NextAsync(cancellationToken) is { } message; taken++)
        {
            if (Registration(protector, message) is not { } registration || message.Sender is null)
            {
                // Unreadable, or nothing says which insurer sent it: it stays for the operator to look at.
                kept++;
                AnsiConsole.MarkupLineInterpolated($"[yellow]残します[/]: {message.RegistrationId ?? "（登録IDなし）"}（{(message.Sender is null ? "送信元不明" : "登録として読めません")}）");
                continue;
            }

            RegistrationResult result;
            try
            {
                result = (await step.DecideAsync([new Processing.Intake.Submission(registration, message.Sender)], cancellationToken))[0];
            }
            catch (Npgsql.PostgresException e) when (!e.IsTransient)
            {
                // The database still refuses this record (e.g. a value it cannot store): it stays, with the reason shown.
                kept++;
                AnsiConsole.MarkupLineInterpolated($"[yellow]残します[/]: {message.RegistrationId ?? "（登録IDなし）"}（保存できません: {e.SqlState}）");
                continue;
            }

            if (result.Kind == RegistrationResultKind.Unaddressable)
            {
                kept++;
                AnsiConsole.MarkupLineInterpolated($"[yellow]残します[/]: {message.RegistrationId ?? "（登録IDなし）"}（保険者番号または登録IDが不正）");
                continue;
            }

            await reader.SettleAsync(message, cancellationToken);
            decided++;
            AnsiConsole.MarkupLineInterpolated($"[green]判定しました[/]: {message.Sender} {registration.RegistrationId} → {result.Outcome}");
        }

        AnsiConsole.MarkupLineInterpolated($"判定 {decided} 件、残り {kept} 件");
        return kept == 0 ? 0 : 3;
    }

    private static MiddleServerValidation.Contracts.RegisterEnrollee? Registration(PersonalNumberProtector protector, FaultedRegistration message)
    {
        try
        {
            return SealedRegistration.Read(message.Sealed ? SealedRegistration.Open(protector, message.Body) : message.Body);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static RabbitMqOptions BrokerOptions()
    {
        var options = new RabbitMqOptions();
        CliHost.CreateBuilder().Configuration.GetSection(RabbitMqOptions.Section).Bind(options);
        return options;
    }
}
