using MiddleServerValidation.Web.InsurerKeys;
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
        return builder;
    }

    /// <summary><c>/api/v1/batches</c>: upload, status, results; every endpoint needs an insurer's API key.</summary>
    public static WebApplication MapBatchApi(this WebApplication app)
    {
        var batches = app.MapGroup("/api/v1/batches").RequireAuthorization(InsurerApiKeyDefaults.Policy);
        batches.MapPost("/", BatchUploadEndpoint.UploadAsync).DisableAntiforgery();
        batches.MapGet("/{id:guid}", BatchStatusEndpoint.GetAsync);
        batches.MapGet("/{id:guid}/results", BatchResultsEndpoint.GetAsync);
        return app;
    }
}
