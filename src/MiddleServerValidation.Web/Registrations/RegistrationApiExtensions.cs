using MiddleServerValidation.Web.InsurerKeys;

namespace MiddleServerValidation.Web.Registrations;

public static class RegistrationApiExtensions
{
    /// <summary>
    /// <c>/api/v1/registrations/{registrationId}</c>: an insurer reads its own record (API key, as the batch API). What it
    /// answers is declared here for the OpenAPI document (docs/openapi.json).
    /// </summary>
    public static WebApplication MapRegistrationApi(this WebApplication app)
    {
        app.MapGroup("/api/v1/registrations").RequireAuthorization(InsurerApiKeyDefaults.Policy)
            .WithTags("registrations")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .MapGet("/{registrationId}", RegistrationReadEndpoint.GetAsync)
            .WithName("GetRegistration")
            .WithSummary("登録の現在の状態、版、適用された操作")
            .WithDescription("自保険者の登録だけを返します。個人番号はマスクした形だけです。他の保険者の登録は、存在しない登録と同じく 404 です。")
            .Produces<RegistrationView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
