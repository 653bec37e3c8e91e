using Microsoft.AspNetCore.Authentication;

namespace MiddleServerValidation.Web.InsurerKeys;

public static class InsurerApiKeyExtensions
{
    /// <summary>
    /// The API-key scheme and the policy that uses only it. No default scheme is set here: the staff console has
    /// its own, and the batch endpoints name this policy, so a missing key is a 401 there, never a login redirect.
    /// </summary>
    public static IHostApplicationBuilder AddInsurerApiKeys(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, InsurerApiKeyHandler>(InsurerApiKeyDefaults.Scheme, displayName: null, _ => { });
        builder.Services.AddAuthorizationBuilder().AddPolicy(InsurerApiKeyDefaults.Policy, policy => policy
            .AddAuthenticationSchemes(InsurerApiKeyDefaults.Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(InsurerApiKeyDefaults.InsurerNumberClaim));
        return builder;
    }
}
