using System.Text.Json.Serialization;
using MiddleServerValidation.Web.InsurerKeys;
using MiddleServerValidation.Web.OpenApi;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MiddleServerValidation.Web.Batches;

public static class BatchApiExtensions
{
    /// <summary>The insurers' batch API with its API-key authentication (section <c>BatchApi</c>).</summary>
    public static IHostApplicationBuilder AddBatchApi(this IHostApplicationBuilder builder)
    {
        builder.AddInsurerApiKeys();
        builder.Services.AddOptions<BatchApiOptions>().BindConfiguration(BatchApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BatchStaging>();
        // The API writes numbers as JSON numbers and reads no JSON: its contract says integer, not "integer or string".
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        return builder;
    }

    /// <summary>
    /// <c>/api/v1/batches</c>: upload, status, results; every endpoint needs an insurer's API key. What each answers is
    /// declared here for the OpenAPI document (docs/openapi.json).
    /// </summary>
    public static WebApplication MapBatchApi(this WebApplication app)
    {
        var batches = app.MapGroup("/api/v1/batches").RequireAuthorization(InsurerApiKeyDefaults.Policy)
            .WithTags("batches")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        batches.MapPost("/", BatchUploadEndpoint.UploadAsync).DisableAntiforgery()
            .WithName("SubmitBatch")
            .WithSummary("一括登録ファイル（CSV）を送る")
            .WithDescription("ヘッダー行つきの CSV（UTF-8、または charset=shift_jis）。受け付けると 202 とバッチIDを返し、Location が状態の URL です。"
                + "行ごとの誤りは結果ファイルの Rejected 行になり、送信の失敗にはなりません。")
            .AcceptsCsvInDocument()
            .Produces<BatchAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        batches.MapGet("/{id:guid}", BatchStatusEndpoint.GetAsync)
            .WithName("GetBatch")
            .WithSummary("バッチの状態と判定結果の件数")
            .Produces<BatchStatus>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        batches.MapGet("/{id:guid}/results", BatchResultsEndpoint.GetAsync)
            .WithName("GetBatchResults")
            .WithSummary("判定結果ファイル（CSV）")
            .WithDescription("registration_id,outcome,reason_codes,messages の CSV（UTF-8）。完了したバッチだけ取得できます。")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
