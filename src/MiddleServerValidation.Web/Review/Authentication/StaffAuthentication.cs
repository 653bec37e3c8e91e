using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using MiddleServerValidation.Staff;

namespace MiddleServerValidation.Web.Review.Authentication;

/// <summary>
/// The console's sign-in: a cookie scheme (the host's default) that only staff sign-in ever issues, each cookie naming
/// a session record (<see cref="StaffSessionEvents"/>), a policy per role, and a fallback policy so that any endpoint
/// without its own policy needs a signed-in staff member.
/// Endpoints with their own policy and scheme (the insurers' API) are not affected, and an API key is never
/// read by the cookie scheme, so it opens no console page.
/// </summary>
public static class StaffAuthentication
{
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string StaffPolicy = "Staff";
    public const string SupervisorPolicy = "Supervisor";
    public const string SignInPath = "/Account/SignIn";

    public static WebApplicationBuilder AddStaffAuthentication(this WebApplicationBuilder builder)
    {
        var authentication = builder.Services.AddAuthentication(CookieScheme).AddCookie(CookieScheme);
        builder.Services.AddScoped<StaffSessionEvents>();
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieScheme)
            .Configure<IOptions<ConsoleOptions>>((cookie, console) => Configure(cookie, console.Value));
        authentication.AddStaffOidc(builder.Configuration);

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, policy => policy.AddAuthenticationSchemes(CookieScheme)
                .RequireAuthenticatedUser().RequireRole(StaffRoles.All))
            .AddPolicy(SupervisorPolicy, policy => policy.AddAuthenticationSchemes(CookieScheme)
                .RequireAuthenticatedUser().RequireRole(StaffRoles.Supervisor))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(CookieScheme)
                .RequireAuthenticatedUser().RequireRole(StaffRoles.All).Build());
        return builder;
    }

    private static void Configure(CookieAuthenticationOptions cookie, ConsoleOptions console)
    {
        cookie.Cookie.Name = "msv.console";
        cookie.Cookie.HttpOnly = true;
        // Lax, not Strict: the cookie set on the return from an OpenID Connect provider must be sent on the next page.
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.SecurePolicy = console.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        cookie.LoginPath = SignInPath;
        cookie.LogoutPath = "/Account/SignOut";
        cookie.AccessDeniedPath = "/Account/AccessDenied";
        cookie.ExpireTimeSpan = console.SessionTimeout;
        cookie.SlidingExpiration = true;
        cookie.EventsType = typeof(StaffSessionEvents);
    }
}
