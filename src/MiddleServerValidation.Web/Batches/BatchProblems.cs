using MiddleServerValidation.BatchFiles.Csv;

namespace MiddleServerValidation.Web.Batches;

/// <summary>The batch API's errors as problem details (RFC 9457), in Japanese: they go to the insurer as they are.</summary>
internal static class BatchProblems
{
    public static IResult NotCsv(CsvFormatException e) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "CSV ファイルとして読めません",
        detail: e.Message,
        extensions: new Dictionary<string, object?> { ["line"] = e.Line, ["column"] = e.Column });

    public static IResult UnsupportedMediaType(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "対応していない形式です", detail: detail);

    /// <summary>429: the insurer has as many batches waiting as it may; Retry-After says when to ask again.</summary>
    public static IResult TooManyInFlight(int maxInFlight) => Results.Problem(
        title: "処理待ちの一括登録が多すぎます",
        detail: $"まだ判定の終わっていない一括登録ファイルが上限（{maxInFlight}件）に達しています。先に送ったファイルの判定が終わってから送ってください。",
        statusCode: StatusCodes.Status429TooManyRequests,
        extensions: new Dictionary<string, object?> { ["maxBatchesInFlight"] = maxInFlight });

    public static IResult TooLarge(long maxBytes) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "ファイルが大きすぎます",
        detail: $"1 ファイル {maxBytes / (1024 * 1024)} MiB までです。ファイルを分けて送ってください。");

    public static IResult NotFound() => Results.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "バッチが見つかりません",
        detail: "このバッチIDのバッチはありません（他の保険者のバッチは参照できません）。");

    public static IResult NotFinished(string status, int done, int total) => Results.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "まだ処理中です",
        detail: $"バッチは処理中です（{status}、{done}/{total} 行）。完了してから結果を取得してください。",
        extensions: new Dictionary<string, object?> { ["status"] = status, ["rowsDone"] = done, ["totalRows"] = total });
}
