using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using MiddleServerValidation.Persistence.Audit;
using MiddleServerValidation.Staff;
using MiddleServerValidation.Web.Review.Audit;

namespace MiddleServerValidation.Web.Review.Authentication;

/// <summary>
/// The OpenID Connect sign-in on the framework's handler: the provider's endpoints and signing keys from its discovery
/// document, authorization code flow with PKCE, and an id_token whose signature, issuer, audience, lifetime and nonce are
/// all checked before anything in it is believed. Who the user is and which role they have come from its claims (and,
/// with <see cref="StaffOidcOptions.ReadUserInfo"/>, the userinfo endpoint's). A user with neither role value is
/// refused; anyone else is handed to the cookie scheme as a member of staff, which starts their server-side session.
/// </summary>
public static class StaffOidc
{
    public const string Scheme = "StaffOidc";

    // Whether the scheme exists is decided from the configuration the host starts with (appsettings,
    // environment, command line); the rest of the settings are read when the scheme is first used.
    public static AuthenticationBuilder AddStaffOidc(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var services = authentication.Services;
        services.AddOptions<StaffOidcOptions>().BindConfiguration(StaffOidcOptions.Section)
            .Validate(o => !o.Problems().Any(), "Console:Oidc is enabled but incomplete: set ClientId and an https Authority.")
            .ValidateOnStart();
        if (!configuration.GetValue<bool>($"{StaffOidcOptions.Section}:Enabled"))
        {
            return authentication;
        }

        authentication.AddOpenIdConnect(Scheme, "組織アカウント", _ => { });
        services.AddOptions<OpenIdConnectOptions>(Scheme)
            .Configure<IOptions<StaffOidcOptions>>((oidc, settings) => Configure(oidc, settings.Value));
        return authentication;
    }

    private static void Configure(OpenIdConnectOptions oidc, StaffOidcOptions settings)
    {
        oidc.SignInScheme = StaffAuthentication.CookieScheme;
        oidc.Authority = settings.Authority;
        oidc.RequireHttpsMetadata = !settings.AuthorityIsLoopback;
        oidc.ClientId = settings.ClientId;
        oidc.ClientSecret = string.IsNullOrEmpty(settings.ClientSecret) ? null : settings.ClientSecret;
        oidc.CallbackPath = settings.CallbackPath;
        oidc.ResponseType = OpenIdConnectResponseType.Code;
        oidc.UsePkce = true;
        // The provider returns with a top-level GET, so the correlation and nonce cookies can be SameSite=Lax and work
        // over plain HTTP in development (form_post would need SameSite=None, which browsers drop without Secure).
        oidc.ResponseMode = OpenIdConnectResponseMode.Query;
        oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
        oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        oidc.NonceCookie.SameSite = SameSiteMode.Lax;
        oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        // The console keeps its own session; the provider's tokens are not needed after sign-in.
        oidc.SaveTokens = false;
        // Claims under the provider's names (preferred_username, roles, groups), as the settings name them.
        oidc.MapInboundClaims = false;
        oidc.TokenValidationParameters.NameClaimType = settings.UserNameClaim;
        oidc.TokenValidationParameters.RoleClaimType = settings.RoleClaim;
        oidc.GetClaimsFromUserInfoEndpoint = settings.ReadUserInfo;
        oidc.ClaimActions.MapUniqueJsonKey(settings.UserNameClaim, settings.UserNameClaim);
        oidc.ClaimActions.MapUniqueJsonKey(settings.DisplayNameClaim, settings.DisplayNameClaim);
        oidc.ClaimActions.MapJsonKey(settings.RoleClaim, settings.RoleClaim);
        oidc.Scope.Clear();
        foreach (var scope in settings.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            oidc.Scope.Add(scope);
        }

        oidc.Events.OnTicketReceived = context => AdmitStaffAsync(context, settings);
        // Anyone can call the callback with rubbish, or a token that fails validation: a fixed text, and no more rows per
        // address than sign-in failures get.
        oidc.Events.OnRemoteFailure = async context =>
        {
            await context.HttpContext.RequestServices.GetRequiredService<SignInAudit>().WriteFailureAsync(
                "（外部認証）", "外部認証に失敗しました", context.HttpContext.Connection.RemoteIpAddress?.ToString(), context.HttpContext.RequestAborted);
            context.Response.Redirect($"{StaffAuthentication.SignInPath}?error=external");
            context.HandleResponse();
        };
    }

    /// <summary>
    /// The validated user as a member of staff (name, display name, role) for the cookie scheme, or a refusal when the
    /// provider gives them no console role.
    /// </summary>
    private static async Task AdmitStaffAsync(TicketReceivedContext context, StaffOidcOptions settings)
    {
        var user = context.Principal!;
        var userName = Text(user, settings.UserNameClaim) ?? Text(user, "sub")
            ?? throw new InvalidOperationException($"The provider's claims have no '{settings.UserNameClaim}' or 'sub'.");
        var values = user.FindAll(settings.RoleClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var role = values.Contains(settings.SupervisorValue) ? StaffRoles.Supervisor
            : values.Contains(settings.ReviewerValue) ? StaffRoles.Reviewer
            : null;
        var audit = context.HttpContext.RequestServices.GetRequiredService<AuditLog>();
        if (role is null)
        {
            await audit.WriteAsync(userName, null, AuditActions.SignInFailed, null,
                "外部認証: 審査コンソールの役割がありません", context.HttpContext.RequestAborted);
            context.Response.Redirect($"{StaffAuthentication.SignInPath}?error=role");
            context.HandleResponse();
            return;
        }

        context.Principal = StaffClaims.Principal(userName, Text(user, settings.DisplayNameClaim) ?? userName, role, StaffClaims.ExternalMethod);
        await audit.WriteAsync(userName, role, AuditActions.SignIn, null, "外部認証（OpenID Connect）", context.HttpContext.RequestAborted);
    }

    private static string? Text(ClaimsPrincipal user, string claim) => user.FindFirst(claim)?.Value is { Length: > 0 } text ? text : null;
}
