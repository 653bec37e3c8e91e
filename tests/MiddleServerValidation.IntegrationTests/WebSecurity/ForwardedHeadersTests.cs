using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using MiddleServerValidation.IntegrationTests.Review;
using MiddleServerValidation.Persistence.Audit;
using MiddleServerValidation.Web;

namespace MiddleServerValidation.IntegrationTests.WebSecurity;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies configured in <c>ForwardedHeaders</c>:
/// behind one, the audit log (and the sign-in throttle, which reads the same address) sees the user's address;
/// from anyone else, or with nothing configured, the header changes nothing. HSTS goes out on HTTPS outside Development.
/// </summary>
[Collection(ProxiedConsoleCollection.Name)]
public sealed class ForwardedHeadersTests(ProxiedConsoleFixture fixture)
{
    private static readonly IPAddress Untrusted = IPAddress.Parse("127.0.0.2");

    [Fact]
    public async Task Behind_the_trusted_proxy_the_audit_log_records_the_forwarded_client_address()
    {
        Assert.Equal("203.0.113.7", await AuditedAddressAsync(fixture.BaseAddress, null, "203.0.113.7", "R-01"));
    }

    [Fact]
    public async Task Only_the_address_the_trusted_proxy_saw_is_taken_not_what_the_client_put_before_it()
    {
        Assert.Equal("203.0.113.8", await AuditedAddressAsync(fixture.BaseAddress, null, "198.51.100.9, 203.0.113.8", "R-02"));
    }

    [Fact]
    public async Task From_an_address_that_is_not_a_trusted_proxy_the_header_is_ignored()
    {
        Assert.Equal("127.0.0.2", await AuditedAddressAsync(fixture.BaseAddress, Untrusted, "203.0.113.9", "R-03"));
    }

    [Fact]
    public async Task With_no_proxy_configured_no_one_is_trusted()
    {
        var address = await WithWebAsync([], new Dictionary<string, string?>(),
            web => AuditedAddressAsync(web, null, "203.0.113.10", "R-04"));

        Assert.Equal("127.0.0.1", address);
    }

    [Fact]
    public async Task Https_through_the_trusted_proxy_gets_hsts_and_nothing_else_does()
    {
        var throughProxy = await SignInPageAsync(fixture.BaseAddress, null, proto: "https");
        var plain = await SignInPageAsync(fixture.BaseAddress, null, proto: null);
        var forged = await SignInPageAsync(fixture.BaseAddress, Untrusted, proto: "https");

        Assert.Equal("max-age=31536000", Hsts(throughProxy));
        Assert.Null(Hsts(plain));
        Assert.Null(Hsts(forged));
    }

    [Fact]
    public async Task Development_sends_no_hsts()
    {
        var response = await WithWebAsync(["--environment", "Development"],
            new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = ProxiedConsoleFixture.TrustedProxy },
            web => SignInPageAsync(web, null, proto: "https"));

        Assert.Null(Hsts(response));
    }

    private async Task<string?> AuditedAddressAsync(Uri web, IPAddress? from, string forwardedFor, string registration)
    {
        using var client = new ConsoleClient(web, from);
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        await client.SignInAsync(ReviewConsoleFixture.Supervisor, ReviewConsoleFixture.Password);
        var id = await fixture.FindingOfAsync(registration);

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/Cases/Detail/{id}")).StatusCode);

        await using var db = fixture.CreateDbContext();
        return await db.Set<AuditEntry>().Where(a => a.FindingId == id && a.Action == AuditActions.ViewCase)
            .Select(a => a.ClientAddress).SingleAsync();
    }

    private static async Task<HttpResponseMessage> SignInPageAsync(Uri web, IPAddress? from, string? proto)
    {
        using var client = new ConsoleClient(web, from);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/SignIn");
        // HSTS is never sent for localhost names; the proxy's public name reaches the host as it would in production.
        request.Headers.Host = "console.example.jp";
        if (proto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", proto);
        }

        var response = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static string? Hsts(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Strict-Transport-Security", out var values) ? values.Single() : null;

    /// <summary>A web host of its own on the class's database, with the fixture's settings but not its proxy.</summary>
    private async Task<T> WithWebAsync<T>(string[] args, Dictionary<string, string?> settings, Func<Uri, Task<T>> use)
    {
        var web = WebApp.Build(args, builder => fixture.Configure(builder, settings));
        await web.StartAsync();
        try
        {
            return await use(new Uri(web.Urls.First()));
        }
        finally
        {
            await web.StopAsync();
            await web.DisposeAsync();
        }
    }
}
