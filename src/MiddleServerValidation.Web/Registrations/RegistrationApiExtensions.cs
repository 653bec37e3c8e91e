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
        var registrations = app.MapGroup("/api/v1/registrations").RequireAuthorization(InsurerApiKeyDefaults.Policy)
            .WithTags("registrations")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        registrations.MapGet("/{registrationId}", RegistrationReadEndpoint.GetAsync)
            .WithName("GetRegistration")
            .WithSummary("登録の現在の状態、版、適用された操作")
            .WithDescription("自保険者の登録だけを返します。個人番号はマスクした形だけです。他の保険者の登録は、存在しない登録と同じく 404 です。")
            .Produces<RegistrationView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        registrations.MapPost("/{registrationId}/found-number", FoundNumberEndpoint.PostAsync)
            .WithName("RetrieveFoundNumber")
            .WithSummary("住民基本台帳（J-LIS）の照会で見つかった個人番号の取得（1回限り）")
            .WithDescription("個人番号なしで登録し、J-LISの照会で5つの本人情報がすべて一致する住民が1人見つかった登録（理由コード PersonalNumberFound）"
                + "について、その個人番号を1回だけ返します。取得は監査ログに記録されます。2回目以降は 410、見つかった番号がない・他の保険者の登録は 404 です。")
            .Produces<FoundNumberView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);
        return app;
    }
}
