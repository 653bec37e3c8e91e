namespace MiddleServerValidation.Web.Review.Authentication;

/// <summary>
/// Signing in staff through the organisation's OpenID Connect provider (section <c>Console:Oidc</c>, off by default).
/// Everything about the provider (endpoints, signing keys, issuer) is read from its discovery document under
/// <see cref="Authority"/>; the console's side is the client id and secret, and which claims name the user and the role.
/// </summary>
public sealed class StaffOidcOptions
{
    public const string Section = "Console:Oidc";

    public bool Enabled { get; set; }

    /// <summary>The button's label on the sign-in page.</summary>
    public string DisplayName { get; set; } = "組織アカウント";

    /// <summary>The provider's issuer URL; its discovery document is <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string CallbackPath { get; set; } = "/signin-oidc";
    public string Scopes { get; set; } = "openid profile";

    /// <summary>Also read the user's claims from the provider's userinfo endpoint (where some providers put roles or groups).</summary>
    public bool ReadUserInfo { get; set; } = true;

    public string UserNameClaim { get; set; } = "preferred_username";
    public string DisplayNameClaim { get; set; } = "name";

    /// <summary>The claim holding the user's roles or groups (a string or an array of strings).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The value of <see cref="RoleClaim"/> that makes a Reviewer.</summary>
    public string ReviewerValue { get; set; } = "Reviewer";

    /// <summary>The value of <see cref="RoleClaim"/> that makes a Supervisor (wins over Reviewer).</summary>
    public string SupervisorValue { get; set; } = "Supervisor";

    /// <summary>Plain http only for a provider on this machine (development, tests).</summary>
    public bool AuthorityIsLoopback => Uri.TryCreate(Authority, UriKind.Absolute, out var uri) && uri.IsLoopback;

    /// <summary>What is missing or wrong (English, for the start-up failure); empty when the settings are usable.</summary>
    public IEnumerable<string> Problems()
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return "Console:Oidc:ClientId is required when Console:Oidc:Enabled is true.";
        }

        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback))
        {
            yield return "Console:Oidc:Authority must be the provider's absolute https issuer URL.";
        }
    }
}
