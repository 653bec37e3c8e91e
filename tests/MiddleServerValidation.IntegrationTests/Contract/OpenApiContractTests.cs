using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Web;

namespace MiddleServerValidation.IntegrationTests.Contract;

/// <summary>
/// The insurers' API as the web host describes it must be the document checked in as docs/openapi.json: a change of the
/// contract is a visible diff. After an intended change, regenerate it with
/// <c>MSV_UPDATE_OPENAPI=1 scripts/test.sh --filter FullyQualifiedName~OpenApiContract</c> and commit the file.
/// </summary>
public sealed class OpenApiContractTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private static readonly string CheckedIn = Path.Combine(RepositoryRoot.Path, "docs", "openapi.json");

    [Fact]
    public async Task The_served_document_is_the_one_checked_into_the_repository()
    {
        var served = await ServedAsync();

        if (Environment.GetEnvironmentVariable("MSV_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(CheckedIn, served);
        }

        Assert.True(File.Exists(CheckedIn), $"{CheckedIn} is missing: regenerate it (MSV_UPDATE_OPENAPI=1).");
        var expected = (await File.ReadAllTextAsync(CheckedIn)).ReplaceLineEndings("\n");
        Assert.True(expected == served,
            "The insurers' API no longer matches docs/openapi.json. If the change is intended, run " +
            "MSV_UPDATE_OPENAPI=1 scripts/test.sh --filter FullyQualifiedName~OpenApiContract and commit the file.");
    }

    [Fact]
    public async Task The_document_holds_the_insurers_api_only_with_its_api_key_and_is_served_without_signing_in()
    {
        var document = JsonNode.Parse(await ServedAsync())!;

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/v1/batches", paths);
        Assert.Contains("/api/v1/batches/{id}", paths);
        Assert.Contains("/api/v1/batches/{id}/results", paths);
        Assert.Contains("/api/v1/registrations/{registrationId}", paths);
        Assert.All(paths, path => Assert.StartsWith("/api/", path, StringComparison.Ordinal));
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["insurerApiKey"]!["scheme"]!.GetValue<string>());
        Assert.NotNull(document["paths"]!["/api/v1/batches"]!["post"]!["requestBody"]!["content"]!["text/csv"]);
        Assert.NotNull(document["paths"]!["/api/v1/registrations/{registrationId}"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]);
    }

    // A theory, not a loop: each host is built in its own test, as MassTransit keeps the first bus's log context for
    // the rest of the calling flow (a second host built in the same method would log through the disposed one).
    [Theory]
    [InlineData("Production", false)]
    [InlineData("Development", true)]
    public async Task The_browsable_reference_is_there_in_development_only(string environment, bool served)
    {
        await using var web = WebApp.Build(["--environment", environment], builder => fixture.Configure(builder));
        await web.StartAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(web.Urls.First()) };
        var page = await client.GetAsync("/api-reference/");
        // Outside Development the path is no endpoint: like any unknown console path, it asks for a staff sign-in.
        Assert.True(served == (page.StatusCode == HttpStatusCode.OK), $"{environment}: {(int)page.StatusCode} {page.Headers.Location}");
        if (served)
        {
            // Its scripts come from the host itself, never from elsewhere.
            Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.DoesNotContain("https://", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await web.StopAsync();
    }

    /// <summary>The document as the web host serves it, indented, with \n line ends.</summary>
    private async Task<string> ServedAsync()
    {
        await using var web = WebApp.Build([], builder => fixture.Configure(builder));
        await web.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(web.Urls.First()) };
        var response = await client.GetAsync("/openapi/insurers.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        await web.StopAsync();
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .ReplaceLineEndings("\n") + "\n";
    }
}
