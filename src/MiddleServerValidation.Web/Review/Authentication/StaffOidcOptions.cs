namespace MiddleServerValidation.Web.Review.Authentication;

/// <summary>
/// Signing in staff through the organisation's OpenID Connect provider (section <c>Console:Oidc</c>, off by
/// default): authorization code flow with PKCE, identity and role read from the provider's userinfo endpoint.
/// </summary>
public sealed class StaffOidcOptions
{
    public const string Section = "Console:Oidc";

    public bool Enabled { get; set; }

    /// <summary>The button's label on the sign-in page.</summary>
    public string DisplayName { get; set; } = "組織アカウント";

    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string? AuthorizationEndpoint { get; set; }
    public string? TokenEndpoint { get; set; }
    public string? UserInformationEndpoint { get; set; }
    public string CallbackPath { get; set; } = "/signin-oidc";
    public string Scopes { get; set; } = "openid profile";

    public string UserNameClaim { get; set; } = "preferred_username";
    public string DisplayNameClaim { get; set; } = "name";

    /// <summary>The claim holding the user's roles or groups (a string or an array of strings).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The value of <see cref="RoleClaim"/> that makes a Reviewer.</summary>
    public string ReviewerValue { get; set; } = "Reviewer";

    /// <summary>The value of <see cref="RoleClaim"/> that makes a Supervisor (wins over Reviewer).</summary>
    public string SupervisorValue { get; set; } = "Supervisor";

    /// <summary>Japanese messages for what is missing or wrong; empty when the settings are usable.</summary>
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

        foreach (var (name, value) in new[]
        {
            (nameof(AuthorizationEndpoint), AuthorizationEndpoint),
            (nameof(TokenEndpoint), TokenEndpoint),
            (nameof(UserInformationEndpoint), UserInformationEndpoint),
        })
        {
            // Plain http only to a provider on this machine (development, tests).
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback))
            {
                yield return $"Console:Oidc:{name} must be an absolute https URL.";
            }
        }
    }
}
