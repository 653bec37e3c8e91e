using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MiddleServerValidation.IntegrationTests.Review;

/// <summary>
/// An OpenID Connect provider reduced to the code flow on a real port: /authorize answers at once for the user the
/// test says is signed in there, /token trades the code for an access token, /userinfo returns that user's claims.
/// </summary>
public sealed class FakeOidcProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Dictionary<string, object>> _byCode = new();
    private readonly ConcurrentDictionary<string, Dictionary<string, object>> _byToken = new();

    private FakeOidcProvider(WebApplication app) => _app = app;

    /// <summary>The claims of the user signed in at the provider (what its userinfo endpoint will say).</summary>
    public Dictionary<string, object> SignedInUser { get; set; } = [];

    public Uri Address => new(_app.Urls.First());

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
        _app.MapGet("/authorize", (HttpContext context) =>
        {
            var query = context.Request.Query;
            if (query["response_type"] != "code" || string.IsNullOrEmpty(query["code_challenge"]))
            {
                return Results.BadRequest("code flow with PKCE expected");
            }

            var code = Guid.NewGuid().ToString("N");
            _byCode[code] = SignedInUser;
            return Results.Redirect($"{query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(query["state"]!)}");
        });
        _app.MapPost("/token", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            if (string.IsNullOrEmpty(form["code_verifier"]) || !_byCode.TryRemove(form["code"]!, out var user))
            {
                return Results.BadRequest(new { error = "invalid_grant" });
            }

            var token = Guid.NewGuid().ToString("N");
            _byToken[token] = user;
            return Results.Json(new { access_token = token, token_type = "Bearer", expires_in = 300 });
        });
        _app.MapGet("/userinfo", (HttpContext context) =>
            _byToken.TryGetValue(context.Request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.Ordinal), out var user)
                ? Results.Json(user)
                : Results.Unauthorized());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
