using System.Security.Claims;
using MiddleServerValidation.Persistence.Staff;
using MiddleServerValidation.Staff;

namespace MiddleServerValidation.Web.Review.Authentication;

/// <summary>
/// What the console knows about a signed-in member of staff, and how pages read it. The sign-in cookie itself carries
/// only <see cref="Session"/>; the rest is read from the session's record on every request.
/// </summary>
public static class StaffClaims
{
    public const string DisplayName = "msv:display_name";

    /// <summary><see cref="LocalMethod"/> or <see cref="ExternalMethod"/>: a local session is re-checked against its account.</summary>
    public const string Method = "msv:auth_method";

    /// <summary>The token of the session's server-side record.</summary>
    public const string Session = "msv:session";

    public const string LocalMethod = StaffSignInMethods.Local;
    public const string ExternalMethod = StaffSignInMethods.External;

    /// <summary>Who signs in, as a sign-in hands it to the cookie scheme (which starts the session).</summary>
    public static ClaimsPrincipal Principal(string userName, string displayName, string role, string method) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, userName),
                new Claim(ClaimTypes.Name, userName),
                new Claim(DisplayName, displayName),
                new Claim(ClaimTypes.Role, role),
                new Claim(Method, method),
            ],
            StaffAuthentication.CookieScheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>A resumed session, as pages see the user.</summary>
    public static ClaimsPrincipal Principal(StaffSession session, string token)
    {
        var user = Principal(session.UserName, session.DisplayName, session.Role, session.Method);
        ((ClaimsIdentity)user.Identity!).AddClaim(new Claim(Session, token));
        return user;
    }

    /// <summary>What the sign-in cookie holds.</summary>
    public static ClaimsPrincipal SessionCookie(string token) =>
        new(new ClaimsIdentity([new Claim(Session, token)], StaffAuthentication.CookieScheme, ClaimTypes.Name, ClaimTypes.Role));

    public static string UserName(this ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";

    public static string StaffDisplayName(this ClaimsPrincipal user) => user.FindFirstValue(DisplayName) ?? user.UserName();

    public static string? StaffRole(this ClaimsPrincipal user) =>
        user.IsInRole(StaffRoles.Supervisor) ? StaffRoles.Supervisor
        : user.IsInRole(StaffRoles.Reviewer) ? StaffRoles.Reviewer
        : null;

    public static bool IsSupervisor(this ClaimsPrincipal user) => user.IsInRole(StaffRoles.Supervisor);
}
