using System.Security.Claims;
using System.Text.Encodings.Web;
using MiddleServerValidation.Persistence.InsurerKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MiddleServerValidation.Web.InsurerKeys;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;API key&gt;</c> against the stored hashes. No or a wrong key answers
/// 401 with a Japanese problem body, never a redirect: the callers are insurers' systems, not browsers.
/// </summary>
internal sealed class InsurerApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, NpgsqlDataSource dataSource)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var key = header[BearerPrefix.Length..].Trim();
        if (ApiKeyFormat.KeyIdOf(key) is not { } keyId)
        {
            return AuthenticateResult.Fail("Malformed API key.");
        }

        await using var command = dataSource.CreateCommand(
            "SELECT insurer_number, secret_hash FROM insurer_api_keys WHERE key_id = @id AND revoked_at IS NULL");
        command.Parameters.AddWithValue("id", keyId);
        await using var reader = await command.ExecuteReaderAsync(Context.RequestAborted);
        if (!await reader.ReadAsync(Context.RequestAborted) || !ApiKeyFormat.Matches(key, reader.GetFieldValue<byte[]>(1)))
        {
            Logger.LogWarning("Rejected API key {KeyId}: unknown, revoked or wrong", keyId);
            return AuthenticateResult.Fail("Unknown, revoked or wrong API key.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(InsurerApiKeyDefaults.InsurerNumberClaim, reader.GetString(0)), new Claim("api_key_id", keyId)], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer realm=\"MiddleServerValidation\"";
        var result = await HandleAuthenticateOnceSafeAsync();
        await Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "認証が必要です",
            detail: result.Failure is null
                ? "Authorization ヘッダーに「Bearer <APIキー>」を付けてください。"
                : "APIキーが正しくないか、失効しています。").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "この操作は許可されていません").ExecuteAsync(Context);
}
