using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using MiddleServerValidation.Persistence.Staff;
using MiddleServerValidation.Staff;

namespace MiddleServerValidation.Web.Review.Authentication;

/// <summary>
/// The console cookie's side of server-side sessions. Whatever signs a member of staff in (password or OpenID
/// Connect), a session record is started and the cookie keeps only its token; every request resumes the record or
/// ends the sign-in; signing out ends the record. A cookie sealed with the right keys but naming no open session —
/// forged, replayed after sign-out, or of a disabled account — opens nothing.
/// </summary>
public sealed partial class StaffSessionEvents(StaffSessions sessions, IOptions<ConsoleOptions> options, ILogger<StaffSessionEvents> logger)
    : CookieAuthenticationEvents
{
    public override async Task SigningIn(CookieSigningInContext context)
    {
        var user = context.Principal!;
        var role = user.StaffRole() ?? throw new InvalidOperationException("Only a member of staff with a console role can be signed in.");
        var method = user.FindFirstValue(StaffClaims.Method) ?? throw new InvalidOperationException("A sign-in must say how the user signed in.");
        var token = await sessions.StartAsync(user.UserName(), user.StaffDisplayName(), role, method,
            options.Value.SessionLifetime, context.HttpContext.RequestAborted);
        context.Principal = StaffClaims.SessionCookie(token);
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var token = context.Principal?.FindFirstValue(StaffClaims.Session);
        var resumed = token is null ? null : await sessions.ResumeAsync(token, options.Value.SessionTimeout, context.HttpContext.RequestAborted);
        if (resumed is { Session: { } session, Resumed: true })
        {
            context.ReplacePrincipal(StaffClaims.Principal(session, token!));
            return;
        }

        if (resumed?.Session is { } refused)
        {
            LogRefused(logger, refused.Id, resumed.Refusal!);
        }
        else
        {
            LogUnknown(logger);
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(StaffAuthentication.CookieScheme);
    }

    public override async Task SigningOut(CookieSigningOutContext context)
    {
        if (context.HttpContext.User.FindFirstValue(StaffClaims.Session) is { } token)
        {
            await sessions.EndAsync(token, SessionEndReasons.SignOut, context.HttpContext.RequestAborted);
        }
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) => Answer(context, StatusCodes.Status401Unauthorized);

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) => Answer(context, StatusCodes.Status403Forbidden);

    // Machines get a status code; only a person's browser is sent to the sign-in page.
    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/health"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Console session {SessionId} refused: {Refusal}")]
    private static partial void LogRefused(ILogger logger, Guid sessionId, string refusal);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "A console cookie sealed with this host's keys names no session the server started; refused")]
    private static partial void LogUnknown(ILogger logger);
}
