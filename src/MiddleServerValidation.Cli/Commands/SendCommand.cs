using System.CommandLine;
using System.Text;
using MassTransit;
using MiddleServerValidation.BatchFiles.Csv;
using MiddleServerValidation.Cli.Submission;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace MiddleServerValidation.Cli.Commands;

/// <summary>
/// Sends each row of a registration CSV as one message to the registrations queue, as an insurer's
/// system would, and optionally waits for the notices on the insurers' own queues.
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

        // Notices come back under the insurer number and registration id as the service normalises them.
        static string Normalise(string value) => value.Normalize(NormalizationForm.FormKC).Trim();
        var insurers = registrations.Select(r => r.InsurerNumber).OfType<string>().Select(Normalise).Distinct().ToList();
        var collector = new NoticeCollector(registrations
            .Where(r => r.InsurerNumber is not null && r.RegistrationId is not null)
            .Select(r => (Normalise(r.InsurerNumber!), r.RegistrationId!.Trim())));

        var builder = CliHost.CreateBuilder();
        builder.AddMessaging(configureBus: (_, bus) =>
        {
            if (!wait)
            {
                return;
            }

            foreach (var insurer in insurers)
            {
                bus.ReceiveEndpoint(QueueNames.Notices(insurer), endpoint =>
                {
                    // Only what is sent to this insurer's queue, never a binding to every published notice.
                    endpoint.ConfigureConsumeTopology = false;
                    endpoint.Handler<RegistrationNotice>(context =>
                    {
                        collector.Add(context.Message);
                        return Task.CompletedTask;
                    });
                });
            }
        });
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        try
        {
            var bus = host.Services.GetRequiredService<IBus>();
            // The worker's endpoint exchange routes to the registrations queue, which the worker declares.
            var endpoint = await bus.GetSendEndpoint(new Uri($"exchange:{QueueNames.Registrations}"));
            await Task.WhenAll(registrations.Select(r => endpoint.Send(r, cancellationToken)));
            AnsiConsole.MarkupLineInterpolated($"[green]{registrations.Count} 件の登録を送信しました[/] ({file.Name})");
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
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
