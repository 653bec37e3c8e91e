using System.Net.Http.Headers;
using MiddleServerValidation.Persistence.InsurerKeys;
using MiddleServerValidation.Web;
using Microsoft.AspNetCore.Builder;

namespace MiddleServerValidation.IntegrationTests.Infrastructure;

/// <summary>
/// A <see cref="ServiceFixture"/> with the web host running on a real port, and API keys for the test insurers.
/// Batch settings are short so that claims run out and recovery passes come quickly.
/// </summary>
public class BatchFixture : ServiceFixture, IAsyncLifetime
{
    private readonly List<WebApplication> _webHosts = [];

    public Uri WebAddress { get; private set; } = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        Settings["Batches:LeaseDuration"] = "00:00:03";
        Settings["Batches:RecoveryInterval"] = "00:00:00.5";
        var web = WebApp.Build([], builder => Configure(builder));
        await web.StartAsync();
        _webHosts.Add(web);
        WebAddress = new Uri(web.Urls.First());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var web in _webHosts)
        {
            await web.StopAsync();
            await web.DisposeAsync();
        }

        await DisposeAsync();
    }

    public HttpClient Client(string? apiKey)
    {
        var client = new HttpClient { BaseAddress = WebAddress };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }
}
