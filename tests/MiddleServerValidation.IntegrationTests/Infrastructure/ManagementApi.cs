using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace MiddleServerValidation.IntegrationTests.Infrastructure;

/// <summary>Reads a RabbitMQ node's management HTTP API as the administrator (guest on the tests' own nodes).</summary>
public sealed class ManagementApi(int port) : IDisposable
{
    private readonly HttpClient _http = new()
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}/api/"),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("guest:guest"))) },
    };

    public async Task<JsonElement> GetAsync(string path) => JsonDocument.Parse(await _http.GetStringAsync(path)).RootElement;

    public Task<JsonElement> QueueAsync(string virtualHost, string queue) => GetAsync($"queues/{Uri.EscapeDataString(virtualHost)}/{Uri.EscapeDataString(queue)}");

    /// <summary>How many deliveries of the queue were redeliveries (messages a consumer held unacknowledged when it went away).</summary>
    public async Task<long> RedeliveriesAsync(string virtualHost, string queue) =>
        (await QueueAsync(virtualHost, queue)).TryGetProperty("message_stats", out var stats) && stats.TryGetProperty("redeliver", out var count)
            ? count.GetInt64()
            : 0;

    public void Dispose() => _http.Dispose();
}
