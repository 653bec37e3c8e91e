using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MiddleServerValidation.IntegrationTests.Review;

/// <summary>
/// An insurer API-key scheme as the batch API registers one ("InsurerApiKey"): any request with the header is an
/// authenticated insurer. Its principal even carries a staff role claim, so that a console that trusted claims
/// from any scheme would let it in; the console must answer to its own cookie scheme only.
/// </summary>
internal sealed class InsurerApiKeyScheme(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "InsurerApiKey";
    public const string Header = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var key) || key.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "insurer:06139992"), new Claim(ClaimTypes.Role, "Supervisor"), new Claim(ClaimTypes.Role, "Reviewer")], Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Name)));
    }
}
