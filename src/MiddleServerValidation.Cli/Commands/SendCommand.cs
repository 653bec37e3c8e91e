using System.CommandLine;
using System.Text;
using MiddleServerValidation.BatchFiles.Csv;
using MiddleServerValidation.Cli.Submission;
using MiddleServerValidation.Contracts;
using Microsoft.Extensions.Configuration;
using MiddleServerValidation.ServiceDefaults;
using Spectre.Console;

namespace MiddleServerValidation.Cli.Commands;

/// <summary>
/// Sends each row of a registration CSV as one message, as an insurer's own system would (see
/// <see cref="InsurerBrokerClient"/>), and optionally waits for the notices on its queue. The broker user in
/// <c>RabbitMq:Username</c> says which insurer sends: a row naming another one is refused by the service.
/// </summary>
internal static class SendCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "登録CSVファイル (registration_id,insurer_number,personal_number,…)" };
        var wait = new Option<bool>("--wait") { Description = "各登録の最終結果の通知を待って表示する" };
        var expect = new Option<FileInfo?>("--expect") { Description = "期待結果CSV (registration_id,outcome,reason_code) と照合する" };
        var timeout = new Option<int>("--timeout") { Description = "通知を待つ秒数", DefaultValueFactory = _ => 120 };
        var command = new Command("send", "登録CSVの各行を登録キューへ送信する (send registrations to the queue)") { file, wait, expect, timeout };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(file)!, parse.GetValue(wait) || parse.GetValue(expect) is not null, parse.GetValue(expect),
            TimeSpan.FromSeconds(parse.GetValue(timeout)), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, bool wait, FileInfo? expect, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]ファイルがありません: {file.FullName}[/]");
            return 2;
        }

        List<RegisterEnrollee> registrations;
        try
        {
            registrations = RegistrationCsvFile.Read(file.FullName, batchId: null).ToList();
        }
        catch (CsvFormatException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{file.Name}: {e.Message}[/]");
            return 2;
        }

        var options = new RabbitMqOptions();
        CliHost.CreateBuilder().Configuration.GetSection(RabbitMqOptions.Section).Bind(options);
        InsurerBrokerClient client;
        try
        {
            client = await InsurerBrokerClient.ConnectAsync(options, cancellationToken);
        }
        catch (ArgumentException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return 2;
        }

        await using (client)
        {
            // Every notice comes to the sender's own queue, under the registration id as the service trims it.
            var collector = new NoticeCollector(registrations
                .Where(r => r.RegistrationId is not null)
                .Select(r => (client.InsurerNumber, r.RegistrationId!.Trim())));
            if (wait)
            {
                await client.ConsumeNoticesAsync(collector.Add, cancellationToken);
            }

            foreach (var registration in registrations)
            {
                await client.PublishAsync(registration, cancellationToken);
            }

            AnsiConsole.MarkupLineInterpolated($"[green]{registrations.Count} 件の登録を送信しました[/] ({file.Name}, {client.InsurerNumber})");
            if (!wait)
            {
                return 0;
            }

            var complete = await collector.WaitAsync(timeout, cancellationToken);
            NoticeTable.Print(registrations, collector.Final);
            var matches = expect is null || ExpectedOutcomes.Check(expect.FullName, collector.Final.Values);
            if (!complete)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]{timeout.TotalSeconds:0} 秒以内に通知が揃いませんでした[/]");
            }

            return complete && matches ? 0 : 1;
        }
    }
}
