using System.CommandLine;

namespace MiddleServerValidation.Cli.Batches;

/// <summary>Where the batch API is and the insurer's key: options, or MSV_API_URL and MSV_API_KEY.</summary>
internal sealed class ApiSettings
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public Option<string> Url { get; } = new("--url")
    {
        Description = "バッチAPIのURL（環境変数 MSV_API_URL、既定 " + DefaultUrl + "）",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("MSV_API_URL") is { Length: > 0 } url ? url : DefaultUrl,
    };

    public Option<string?> Key { get; } = new("--key")
    {
        Description = "保険者のAPIキー（環境変数 MSV_API_KEY）。コマンド履歴に残らないよう環境変数を推奨",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("MSV_API_KEY"),
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(Key);
    }

    /// <summary>A client for the parsed options, or null (with the reason printed) when no key is given.</summary>
    public BatchApiClient? Client(ParseResult parse)
    {
        if (parse.GetValue(Key) is not { Length: > 0 } key)
        {
            Spectre.Console.AnsiConsole.MarkupLine("[red]APIキーがありません。--key か環境変数 MSV_API_KEY で指定してください（msv insurer-key create で発行）。[/]");
            return null;
        }

        return new BatchApiClient(new Uri(parse.GetValue(Url)!), key);
    }
}
