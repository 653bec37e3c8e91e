using System.CommandLine;
using MiddleServerValidation.Cli.PersonalData;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.PersonalData;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Spectre.Console;

namespace MiddleServerValidation.Cli.Commands;

/// <summary>
/// <c>msv personal-data rotate</c>: after a new key is added to <c>PersonalData:EncryptionKeys</c> and made active,
/// re-encrypts every stored personal number, 漢字氏名, 住所 and found number under it; the retired key can then be removed. With
/// <c>--lookup-keys</c> (service stopped) the lookup keys are computed again under the current HMAC key.
/// </summary>
internal static class PersonalDataCommand
{
    public static Command Create()
    {
        var lookupKeys = new Option<bool>("--lookup-keys") { Description = "照合キー（HMAC）も現在のキーで作り直す（サービスを止めて実行）" };
        var batch = new Option<int>("--batch") { Description = "1回に書き換える件数", DefaultValueFactory = _ => 10_000 };
        var rotate = new Command("rotate", "保存されている個人番号・漢字氏名・住所を、有効な暗号鍵で暗号化し直す") { lookupKeys, batch };
        rotate.SetAction((parse, cancellationToken) => RotateAsync(parse.GetValue(lookupKeys), parse.GetValue(batch), cancellationToken));
        return new Command("personal-data", "個人番号の保護（鍵の切り替え）") { rotate };
    }

    private static async Task<int> RotateAsync(bool lookupKeys, int batch, CancellationToken cancellationToken)
    {
        var builder = CliHost.CreateBuilder();
        builder.AddPersistence();
        using var host = CliHost.Build(builder);
        var protector = host.Services.GetRequiredService<PersonalNumberProtector>();
        var rotation = new PersonalDataRotation(host.Services.GetRequiredService<NpgsqlDataSource>(), protector, batch, lookupKeys);
        AnsiConsole.MarkupLineInterpolated($"有効な鍵 {protector.ActiveKeyId} で暗号化し直します{(lookupKeys ? "（照合キーも作り直します）" : "")}…");
        var counts = await rotation.RunAsync(done => AnsiConsole.MarkupLineInterpolated($"  {done:N0} 件"), cancellationToken);
        AnsiConsole.MarkupLineInterpolated(
            $"[green]書き換え {counts.Rewritten:N0} 件[/]、既に有効な鍵 {counts.AlreadyCurrent:N0} 件、開けないもの {counts.Unreadable:N0} 件");
        if (counts.Unreadable > 0)
        {
            AnsiConsole.MarkupLine("[yellow]開けない個人番号があります。それを暗号化した鍵を PersonalData:EncryptionKeys に戻して、もう一度実行してください。[/]");
            return 3;
        }

        return 0;
    }
}
