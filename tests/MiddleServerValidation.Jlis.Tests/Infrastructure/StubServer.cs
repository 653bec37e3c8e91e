using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MiddleServerValidation.JlisStub;
using MiddleServerValidation.JlisStub.Faults;

namespace MiddleServerValidation.Jlis.Tests.Infrastructure;

/// <summary>The real stub app on a real Kestrel port (127.0.0.1:0), with runtime faults switched on.</summary>
internal sealed class StubServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HttpClient admin;

    private StubServer(WebApplication app, Uri baseAddress, CapturingLoggerProvider logs)
    {
        this.app = app;
        BaseAddress = baseAddress;
        Logs = logs;
        admin = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public CapturingLoggerProvider Logs { get; }

    public static async Task<StubServer> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var logs = new CapturingLoggerProvider();
        var merged = new Dictionary<string, string?> { ["JlisStub:AllowRuntimeFaults"] = "true" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        var app = Build(logs, merged);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new StubServer(app, new Uri(address + "/"), logs);
    }

    /// <summary>Builds without starting, for tests about start-up itself.</summary>
    public static WebApplication Build(CapturingLoggerProvider logs, IReadOnlyDictionary<string, string?> settings) =>
        JlisStubApp.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            // Debug included, so tests see the masked lookup lines too (appsettings.json stops at Information).
            builder.Configuration.AddInMemoryCollection(settings).AddInMemoryCollection([new("Logging:LogLevel:Default", "Debug")]);
            builder.Logging.ClearProviders().AddProvider(logs);
        });

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public async Task SetFaultsAsync(int latencyMs = 0, double errorRate = 0, int requestsPerSecond = 0)
    {
        using var response = await admin.PutAsJsonAsync("admin/faults", new { latencyMs, errorRate, requestsPerSecond });
        response.EnsureSuccessStatusCode();
    }

    public async Task<StubStatsSnapshot> StatsAsync() =>
        await admin.GetFromJsonAsync<StubStatsSnapshot>("admin/stats") ?? throw new InvalidOperationException("no stats");

    public async ValueTask DisposeAsync()
    {
        admin.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
