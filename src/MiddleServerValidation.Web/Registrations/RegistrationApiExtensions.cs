using MiddleServerValidation.Web.InsurerKeys;

namespace MiddleServerValidation.Web.Registrations;

public static class RegistrationApiExtensions
{
    /// <summary><c>/api/v1/registrations/{registrationId}</c>: an insurer reads its own record (API key, as the batch API).</summary>
    public static WebApplication MapRegistrationApi(this WebApplication app)
    {
        app.MapGroup("/api/v1/registrations").RequireAuthorization(InsurerApiKeyDefaults.Policy)
            .MapGet("/{registrationId}", RegistrationReadEndpoint.GetAsync);
        return app;
    }
}
