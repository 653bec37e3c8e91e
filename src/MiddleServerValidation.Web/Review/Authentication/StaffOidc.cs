using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.Extensions.Options;
using MiddleServerValidation.Persistence.Audit;
using MiddleServerValidation.Persistence.Staff;
using MiddleServerValidation.Staff;
using MiddleServerValidation.Web.Review.Audit;

namespace MiddleServerValidation.Web.Review.Authentication;

/// <summary>
/// The OpenID Connect sign-in, on the framework's OAuth handler (the OpenIdConnect package does not restore here):
/// code flow with PKCE; who the user is and which role they have come from the userinfo endpoint, read over the
/// back channel with the access token. A user with neither role value is refused and sent back to the sign-in page.
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
            .Validate(o => !o.Problems().Any(), "Console:Oidc is enabled but incomplete: set ClientId and the three endpoints.")
            .ValidateOnStart();
        if (!configuration.GetValue<bool>($"{StaffOidcOptions.Section}:Enabled"))
        {
            return authentication;
        }

        authentication.AddOAuth(Scheme, "組織アカウント", _ => { });
        services.AddOptions<OAuthOptions>(Scheme).Configure<IOptions<StaffOidcOptions>>((oauth, settings) => Configure(oauth, settings.Value));
        return authentication;
    }

    private static void Configure(OAuthOptions oauth, StaffOidcOptions settings)
    {
        oauth.SignInScheme = StaffAuthentication.CookieScheme;
        oauth.ClientId = settings.ClientId!;
        oauth.ClientSecret = settings.ClientSecret ?? string.Empty;
        oauth.AuthorizationEndpoint = settings.AuthorizationEndpoint!;
        oauth.TokenEndpoint = settings.TokenEndpoint!;
        oauth.UserInformationEndpoint = settings.UserInformationEndpoint!;
        oauth.CallbackPath = settings.CallbackPath;
        oauth.UsePkce = true;
        // The provider returns to the callback with a top-level GET: Lax is enough, and it works over plain HTTP
        // in development, where a SameSite=None cookie without Secure is dropped by browsers.
        oauth.CorrelationCookie.SameSite = SameSiteMode.Lax;
        oauth.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        oauth.Scope.Clear();
        foreach (var scope in settings.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            oauth.Scope.Add(scope);
        }

        oauth.Events.OnCreatingTicket = context => ReadUserAsync(context, settings);
        oauth.Events.OnTicketReceived = RefuseWithoutRoleAsync;
        // Anyone can call the callback with rubbish: a fixed text, and no more rows per address than sign-in failures get.
        oauth.Events.OnRemoteFailure = async context =>
        {
            await context.HttpContext.RequestServices.GetRequiredService<SignInAudit>().WriteFailureAsync(
                "（外部認証）", "外部認証に失敗しました", context.HttpContext.Connection.RemoteIpAddress?.ToString(), context.HttpContext.RequestAborted);
            context.Response.Redirect($"{StaffAuthentication.SignInPath}?error=external");
            context.HandleResponse();
        };
    }

    private static async Task ReadUserAsync(OAuthCreatingTicketContext context, StaffOidcOptions settings)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, context.Options.UserInformationEndpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", context.AccessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await context.Backchannel.SendAsync(request, context.HttpContext.RequestAborted);
        response.EnsureSuccessStatusCode();
        using var user = JsonDocument.Parse(await response.Content.ReadAsStringAsync(context.HttpContext.RequestAborted));

        var userName = Text(user.RootElement, settings.UserNameClaim) ?? Text(user.RootElement, "sub")
            ?? throw new InvalidOperationException($"The userinfo answer has no '{settings.UserNameClaim}' or 'sub'.");
        var values = Values(user.RootElement, settings.RoleClaim);
        var role = values.Contains(settings.SupervisorValue) ? StaffRoles.Supervisor
            : values.Contains(settings.ReviewerValue) ? StaffRoles.Reviewer
            : null;
        var displayName = Text(user.RootElement, settings.DisplayNameClaim) ?? userName;
        context.Principal = role is null
            ? new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, userName)]))
            : StaffClaims.Principal(userName, displayName, role, StaffClaims.ExternalMethod);
    }

    private static async Task RefuseWithoutRoleAsync(TicketReceivedContext context)
    {
        var user = context.Principal!;
        var audit = context.HttpContext.RequestServices.GetRequiredService<AuditLog>();
        if (user.StaffRole() is not { } role)
        {
            await audit.WriteAsync(user.UserName(), null, AuditActions.SignInFailed, null,
                "外部認証: 審査コンソールの役割がありません", context.HttpContext.RequestAborted);
            context.Response.Redirect($"{StaffAuthentication.SignInPath}?error=role");
            context.HandleResponse();
            return;
        }

        await audit.WriteAsync(user.UserName(), role, AuditActions.SignIn, null, "外部認証（OpenID Connect）", context.HttpContext.RequestAborted);
    }

    private static string? Text(JsonElement user, string claim) =>
        user.TryGetProperty(claim, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private static HashSet<string> Values(JsonElement user, string claim) =>
        !user.TryGetProperty(claim, out var value) ? []
        : value.ValueKind == JsonValueKind.String ? [value.GetString()!]
        : value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToHashSet()
            : [];
}
