using System.Security.Claims;
using MiddleServerValidation.Persistence.Staff;
using MiddleServerValidation.Staff;

namespace MiddleServerValidation.Web.Review.Authentication;

/// <summary>What the console's sign-in cookie says about a member of staff, and how pages read it.</summary>
public static class StaffClaims
{
    public const string DisplayName = "msv:display_name";

    /// <summary><see cref="LocalMethod"/> or <see cref="ExternalMethod"/>: a local session is re-checked against its account.</summary>
    public const string Method = "msv:auth_method";

    public const string LocalMethod = "local";
    public const string ExternalMethod = "oidc";

    public static ClaimsPrincipal Principal(string userName, string displayName, string role, string method)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, userName),
                new Claim(ClaimTypes.Name, userName),
                new Claim(DisplayName, displayName),
                new Claim(ClaimTypes.Role, role),
                new Claim(Method, method),
            ],
            StaffAuthentication.CookieScheme, ClaimTypes.Name, ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    public static string UserName(this ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";

    public static string StaffDisplayName(this ClaimsPrincipal user) => user.FindFirstValue(DisplayName) ?? user.UserName();

    public static string? StaffRole(this ClaimsPrincipal user) =>
        user.IsInRole(StaffRoles.Supervisor) ? StaffRoles.Supervisor
        : user.IsInRole(StaffRoles.Reviewer) ? StaffRoles.Reviewer
        : null;

    public static bool IsSupervisor(this ClaimsPrincipal user) => user.IsInRole(StaffRoles.Supervisor);
}
