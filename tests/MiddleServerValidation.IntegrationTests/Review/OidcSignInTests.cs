using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Persistence.Audit;
using MiddleServerValidation.Persistence.Staff;
using MiddleServerValidation.Web;

namespace MiddleServerValidation.IntegrationTests.Review;

/// <summary>
/// Staff signing in through an OpenID Connect provider (Console:Oidc): discovery, code flow with PKCE, a signed id_token that
/// is checked before it is believed, roles mapped from a claim, and a server-side session like a local sign-in's.
/// </summary>
public sealed class OidcSignInTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>, IAsyncLifetime
{
    private const int AuditCap = 3;

    private FakeOidcProvider _provider = null!;
    private WebApplication _web = null!;

    public async Task InitializeAsync()
    {
        _provider = await FakeOidcProvider.StartAsync();
        // Whether the scheme exists is read from the configuration the host starts with: the command line here.
        _web = WebApp.Build(["--Console:Oidc:Enabled=true"], builder => fixture.Configure(builder, new Dictionary<string, string?>
        {
            ["Console:Oidc:DisplayName"] = "庁内アカウント",
            // Endpoints and signing keys come from the provider's discovery document.
            ["Console:Oidc:Authority"] = _provider.Issuer,
            ["Console:Oidc:ClientId"] = FakeOidcProvider.ClientId,
            ["Console:Oidc:ClientSecret"] = FakeOidcProvider.ClientSecret,
            ["Console:Oidc:RoleClaim"] = "groups",
            ["Console:Oidc:SupervisorValue"] = "msv-supervisors",
            ["Console:Oidc:ReviewerValue"] = "msv-reviewers",
            ["Console:SignIn:MaxAuditedFailuresPerClient"] = AuditCap.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
        await _web.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _web.StopAsync();
        await _web.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task A_member_of_the_supervisors_group_signs_in_at_the_provider_and_may_read_the_audit_log()
    {
        _provider.SignedInUser = new() { ["sub"] = "u-1", ["preferred_username"] = "yamada@example.lg.jp", ["name"] = "山田 次郎", ["groups"] = new[] { "staff", "msv-supervisors" } };
        using var browser = Browser();

        Assert.Contains("庁内アカウント でサインイン", await browser.GetStringAsync("/Account/SignIn"));
        var landed = await browser.GetAsync("/Account/ExternalSignIn?returnUrl=%2FCases");

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("/Cases", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("山田 次郎（監督者）", await landed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Audit")).StatusCode);
        Assert.True(_provider.VerifiedPkceExchanges > 0, "the code was exchanged without a PKCE verifier");
        await using var db = fixture.CreateDbContext();
        Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.Actor == "yamada@example.lg.jp" && a.Action == AuditActions.SignIn && a.ActorRole == "Supervisor"));
        // The sign-in is a server-side session of this member of staff, like a local one.
        Assert.True(await db.Set<StaffSession>().AnyAsync(s => s.UserName == "yamada@example.lg.jp" && s.Role == "Supervisor"
            && s.Method == StaffSignInMethods.External && s.RevokedAt == null));
    }

    [Theory]
    [InlineData(TokenFault.ForgedSignature, "IDX10511")] // signature validation failed
    [InlineData(TokenFault.AlteredPayload, "IDX10511")]
    [InlineData(TokenFault.WrongAudience, "IDX10214")] // audience validation failed
    [InlineData(TokenFault.WrongNonce, "IDX21323")] // no nonce of this browser's sign-in matches the token's
    public async Task An_id_token_that_fails_validation_signs_nobody_in(TokenFault fault, string reason)
    {
        var logged = fixture.Logs.Lines.Count;
        var user = $"{fault.ToString().ToLowerInvariant()}@example.lg.jp";
        _provider.SignedInUser = new() { ["sub"] = $"u-{fault}", ["preferred_username"] = user, ["groups"] = new[] { "msv-reviewers" } };
        _provider.Fault = fault;
        using var browser = Browser();

        var landed = await browser.GetAsync("/Account/ExternalSignIn?returnUrl=%2FCases");

        Assert.Equal("/Account/SignIn", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("外部認証に失敗しました。", await landed.Content.ReadAsStringAsync());
        Assert.Equal("/Account/SignIn", (await browser.GetAsync("/Cases")).RequestMessage!.RequestUri!.AbsolutePath);
        await using var db = fixture.CreateDbContext();
        Assert.False(await db.Set<StaffSession>().AnyAsync(s => s.UserName == user));
        Assert.False(await db.Set<AuditEntry>().AnyAsync(a => a.Actor == user && a.Action == AuditActions.SignIn));
        // Refused for the fault itself (IdentityModel's error code in the handler's log), not for anything else.
        Assert.Contains(fixture.Logs.Lines.Skip(logged), line => line.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_user_with_no_console_role_at_the_provider_is_refused()
    {
        _provider.SignedInUser = new() { ["sub"] = "u-2", ["preferred_username"] = "outsider@example.lg.jp", ["groups"] = new[] { "staff" } };
        using var browser = Browser();

        var landed = await browser.GetAsync("/Account/ExternalSignIn?returnUrl=%2FCases");

        Assert.Equal("/Account/SignIn", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("このアカウントには審査コンソールを使う役割がありません。", await landed.Content.ReadAsStringAsync());
        var next = await browser.GetAsync("/Cases");
        Assert.Equal("/Account/SignIn", next.RequestMessage!.RequestUri!.AbsolutePath);
        await using var db = fixture.CreateDbContext();
        Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.Actor == "outsider@example.lg.jp" && a.Action == AuditActions.SignInFailed));
    }

    [Fact]
    public async Task An_external_sign_in_is_a_session_that_sign_out_ends()
    {
        _provider.SignedInUser = new() { ["sub"] = "u-3", ["preferred_username"] = "suzuki@example.lg.jp", ["groups"] = new[] { "msv-reviewers" } };
        var cookies = new CookieContainer();
        using var browser = Browser(cookies);
        Assert.Equal("/Cases", (await browser.GetAsync("/Account/ExternalSignIn?returnUrl=%2FCases")).RequestMessage!.RequestUri!.AbsolutePath);
        var signedIn = cookies.GetCookies(browser.BaseAddress!)[ConsoleClient.SignInCookieName]!.Value;

        using (var console = new ConsoleClient(browser.BaseAddress!))
        {
            console.UseSignInCookie(signedIn);
            var token = await console.TokenAsync("/Account/SignOut");
            await console.PostAsync("/Account/SignOut", new() { ["__RequestVerificationToken"] = token });
        }

        using var replay = new ConsoleClient(browser.BaseAddress!);
        replay.UseSignInCookie(signedIn);
        Assert.False(await replay.OpensAsync("/Cases"));
    }

    [Fact]
    public async Task Rubbish_sent_to_the_callback_adds_no_more_audit_rows_than_the_cap()
    {
        using var visitor = Browser();
        for (var i = 0; i < 10; i++)
        {
            var landed = await visitor.GetAsync($"/signin-oidc?code=made-up-{i}&state=made-up");
            Assert.Equal("/Account/SignIn", landed.RequestMessage!.RequestUri!.AbsolutePath);
        }

        await using var db = fixture.CreateDbContext();
        var rows = await db.Set<AuditEntry>().CountAsync(a => a.Actor == "（外部認証）" && a.Action == AuditActions.SignInFailed);
        Assert.InRange(rows, 1, AuditCap);
    }

    // Follows redirects across the console and the provider, keeping each one's cookies, as a browser does.
    private HttpClient Browser(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = new Uri(_web.Urls.First()) };
}
