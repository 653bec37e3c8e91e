using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MiddleServerValidation.IntegrationTests.Review;

/// <summary>What the provider does wrong to the id_token it issues, for the tests that it must be refused.</summary>
public enum TokenFault
{
    None,

    /// <summary>Signed with a key of the attacker's under the provider's key id.</summary>
    ForgedSignature,

    /// <summary>The provider's signature over another payload (the groups raised to the supervisors').</summary>
    AlteredPayload,

    /// <summary>Issued to another client.</summary>
    WrongAudience,

    /// <summary>Not the nonce of this sign-in (a token replayed from another one).</summary>
    WrongNonce,
}

/// <summary>
/// An OpenID Connect provider on a real port: discovery, JWKS, /authorize answering at once for the user the test says
/// is signed in there, /token checking the client and the PKCE verifier and issuing an RS256-signed id_token, /userinfo.
/// </summary>
public sealed class FakeOidcProvider : IAsyncDisposable
{
    public const string ClientId = "review-console";
    public const string ClientSecret = "not-a-real-secret";
    private const string KeyId = "provider-key-1";

    private readonly WebApplication _app;
    private readonly RSA _key = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Authorization> _byCode = new();
    private readonly ConcurrentDictionary<string, Dictionary<string, object>> _byToken = new();
    private int _verified;

    private FakeOidcProvider(WebApplication app) => _app = app;

    /// <summary>The claims of the user signed in at the provider (what its tokens and userinfo endpoint will say).</summary>
    public Dictionary<string, object> SignedInUser { get; set; } = [];

    public TokenFault Fault { get; set; }

    /// <summary>The token requests that came with a PKCE verifier matching their authorization's challenge.</summary>
    public int VerifiedPkceExchanges => _verified;

    public Uri Address => new(_app.Urls.First());

    /// <summary>The issuer: the address without its trailing slash, as the discovery document gives it.</summary>
    public string Issuer => Address.ToString().TrimEnd('/');

    public static async Task<FakeOidcProvider> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var provider = new FakeOidcProvider(builder.Build());
        provider.Map();
        await provider._app.StartAsync();
        return provider;
    }

    private void Map()
    {
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = $"{Issuer}/authorize",
            ["token_endpoint"] = $"{Issuer}/token",
            ["userinfo_endpoint"] = $"{Issuer}/userinfo",
            ["jwks_uri"] = $"{Issuer}/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        _app.MapGet("/jwks", () =>
        {
            var key = _key.ExportParameters(false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId,
                n = Base64UrlEncoder.Encode(key.Modulus), e = Base64UrlEncoder.Encode(key.Exponent) } } });
        });
        _app.MapGet("/authorize", (HttpContext context) =>
        {
            var query = context.Request.Query;
            if (query["response_type"] != "code" || query["client_id"] != ClientId || query["code_challenge_method"] != "S256"
                || string.IsNullOrEmpty(query["code_challenge"]) || string.IsNullOrEmpty(query["nonce"]))
            {
                return Results.BadRequest("code flow with PKCE (S256) and a nonce expected");
            }

            var code = Guid.NewGuid().ToString("N");
            _byCode[code] = new Authorization(SignedInUser, query["code_challenge"]!, query["nonce"]!, query["redirect_uri"]!);
            return Results.Redirect(QueryHelpers.AddQueryString(query["redirect_uri"]!, new Dictionary<string, string?>
            {
                ["code"] = code, ["state"] = query["state"],
            }));
        });
        _app.MapPost("/token", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret
                || !_byCode.TryRemove(form["code"]!, out var authorization) || form["redirect_uri"] != authorization.RedirectUri)
            {
                return Results.BadRequest(new { error = "invalid_grant" });
            }

            var verifier = form["code_verifier"].ToString();
            if (verifier.Length == 0 || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != authorization.Challenge)
            {
                return Results.BadRequest(new { error = "invalid_grant", error_description = "PKCE verification failed" });
            }

            Interlocked.Increment(ref _verified);
            var token = Guid.NewGuid().ToString("N");
            _byToken[token] = authorization.User;
            return Results.Json(new { access_token = token, token_type = "Bearer", expires_in = 300, id_token = IdToken(authorization) });
        });
        _app.MapGet("/userinfo", (HttpContext context) =>
            _byToken.TryGetValue(context.Request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.Ordinal), out var user)
                ? Results.Json(user)
                : Results.Unauthorized());
    }

    private string IdToken(Authorization authorization)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>(authorization.User)
        {
            ["nonce"] = Fault == TokenFault.WrongNonce ? "a-nonce-of-another-sign-in" : authorization.Nonce,
        };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Fault == TokenFault.WrongAudience ? "another-client" : ClientId,
            IssuedAt = now, NotBefore = now, Expires = now.AddMinutes(5),
            Claims = claims,
            SigningCredentials = Signing(Fault == TokenFault.ForgedSignature ? RSA.Create(2048) : _key),
        };
        var token = new JsonWebTokenHandler().CreateToken(descriptor);
        if (Fault != TokenFault.AlteredPayload)
        {
            return token;
        }

        // The attacker's edit: the same header and signature over a payload that now says supervisor.
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, object>>(Base64UrlEncoder.Decode(parts[1]))!;
        payload["groups"] = new[] { "msv-supervisors" };
        return $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload))}.{parts[2]}";
    }

    private static SigningCredentials Signing(RSA key) => new(new RsaSecurityKey(key) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Dispose();
    }

    private sealed record Authorization(Dictionary<string, object> User, string Challenge, string Nonce, string RedirectUri);
}
