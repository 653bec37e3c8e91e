using System.Net;
using System.Net.Http.Headers;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.IntegrationTests.Review;

namespace MiddleServerValidation.IntegrationTests.WebSecurity;

/// <summary>
/// Every response of the web host carries the security headers, not only console pages: the stylesheet, 404s, the
/// console's error page, redirects, health, and the API's problem bodies. The report document keeps its own policy.
/// </summary>
[Collection(ProxiedConsoleCollection.Name)]
public sealed class SecurityHeadersTests(ProxiedConsoleFixture fixture)
{
    [Theory]
    [InlineData("/console.css", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.Redirect)] // the fallback policy: no telling anonymous visitors what exists
    [InlineData("/Cases", HttpStatusCode.Redirect)]
    [InlineData("/Account/SignIn", HttpStatusCode.OK)]
    [InlineData("/health/live", HttpStatusCode.OK)]
    [InlineData("/api/v1/batches/01a1fe26-cfb6-79f9-b506-959e69f93ccb", HttpStatusCode.Unauthorized)]
    public async Task Anonymous_responses_carry_the_security_headers(string path, HttpStatusCode status)
    {
        using var client = new ConsoleClient(fixture.BaseAddress);

        var response = await client.Http.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task The_stylesheet_revalidated_with_its_etag_carries_them_too()
    {
        using var client = new ConsoleClient(fixture.BaseAddress);
        var first = await client.Http.GetAsync("/console.css");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/console.css");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var response = await client.Http.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Problem_bodies_of_the_api_carry_them()
    {
        using var client = new ConsoleClient(fixture.BaseAddress);
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await fixture.CreateApiKeyAsync(TestData.InsurerA));

        var notFound = await client.Http.GetAsync($"/api/v1/batches/{Guid.NewGuid()}");
        var notCsv = await client.Http.PostAsync("/api/v1/batches", new StringContent("{}", MediaTypeHeaderValue.Parse("application/json")));

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal("application/problem+json", notFound.Content.Headers.ContentType?.MediaType);
        AssertSecurityHeaders(notFound);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notCsv.StatusCode);
        AssertSecurityHeaders(notCsv);
    }

    [Fact]
    public async Task The_console_error_page_carries_them()
    {
        using var client = new ConsoleClient(fixture.BaseAddress);
        await client.SignInAsync(ReviewConsoleFixture.Supervisor, ReviewConsoleFixture.Password);

        var response = await client.Http.GetAsync($"/Reports?insurer={ProxiedConsoleFixture.FailingInsurer}");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("処理中にエラーが発生しました", await response.Content.ReadAsStringAsync());
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Console_pages_and_404s_carry_them_and_the_report_document_keeps_its_own_policy()
    {
        using var client = new ConsoleClient(fixture.BaseAddress);
        await client.SignInAsync(ReviewConsoleFixture.Supervisor, ReviewConsoleFixture.Password);

        var page = await client.Http.GetAsync("/Cases");
        var report = await client.Http.GetAsync("/Reports?handler=Html");
        var notFound = await client.Http.GetAsync("/no-such-page");

        AssertSecurityHeaders(page);
        Assert.Contains("no-store", page.Headers.CacheControl!.ToString());
        Assert.Contains("script-src 'none'", Csp(page));
        AssertSecurityHeaders(report);
        Assert.Equal(
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
            Csp(report));
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        AssertSecurityHeaders(notFound);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var where = $"{response.RequestMessage!.RequestUri!.PathAndQuery} ({(int)response.StatusCode})";
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var nosniff) && nosniff.Single() == "nosniff", where);
        Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.Single() == "no-referrer", where);
        Assert.True(response.Headers.TryGetValues("X-Frame-Options", out var frames) && frames.Single() == "DENY", where);
        Assert.Contains("frame-ancestors 'none'", Csp(response));
        Assert.Contains("default-src", Csp(response));
    }

    private static string Csp(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values.Single() : "";
}
