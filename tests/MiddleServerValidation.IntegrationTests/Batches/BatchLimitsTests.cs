using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiddleServerValidation.BatchFiles;
using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Web;
using Microsoft.AspNetCore.Builder;

namespace MiddleServerValidation.IntegrationTests.Batches;

/// <summary>Per insurer: a bound on the size of a file and on how many of its batches wait to be decided.</summary>
public sealed class BatchLimitsTests(BatchFixture fixture) : IClassFixture<BatchFixture>, IAsyncLifetime
{
    private WebApplication _web = null!;

    public async Task InitializeAsync()
    {
        // No worker runs here: what is uploaded stays waiting, as behind a busy worker.
        _web = WebApp.Build([], builder => fixture.Configure(builder, new Dictionary<string, string?>
        {
            ["BatchApi:MaxBatchesInFlight"] = "2",
            ["BatchApi:Insurers:01130012:MaxUploadBytes"] = "2048",
        }));
        await _web.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _web.StopAsync();
        await _web.DisposeAsync();
    }

    [Fact]
    public async Task An_insurer_with_as_many_batches_waiting_as_it_may_gets_429_until_one_is_decided()
    {
        using var api = Api(await fixture.CreateApiKeyAsync(TestData.InsurerA));
        Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsync(File("WAIT-1", rows: 3))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsync(File("WAIT-2", rows: 3))).StatusCode);

        using var refused = await api.PostAsync(File("WAIT-3", rows: 3));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("処理待ちの一括登録が多すぎます", problem.GetProperty("title").GetString());
        Assert.Equal(2, problem.GetProperty("maxBatchesInFlight").GetInt32());

        // Another insurer is not held up by it.
        using var other = Api(await fixture.CreateApiKeyAsync("27000015"));
        Assert.Equal(HttpStatusCode.Accepted, (await other.PostAsync(File("OTHER-1", rows: 3))).StatusCode);
    }

    [Fact]
    public async Task An_insurer_with_a_smaller_size_limit_of_its_own_gets_413_for_a_file_another_may_send()
    {
        var file = File("SIZE", rows: 40);
        Assert.True(file.Length > 2048);

        using var small = Api(await fixture.CreateApiKeyAsync(TestData.InsurerB));
        using var refused = await small.PostAsync(file);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
    }

    private BatchApi Api(string key) =>
        new(new HttpClient { BaseAddress = new Uri(_web.Urls.First()), DefaultRequestHeaders = { Authorization = new("Bearer", key) } });

    private static byte[] File(string prefix, int rows) => BatchApi.Utf8(BatchColumns.HeaderLine + "\n" + string.Join("\n",
        Enumerable.Range(1, rows).Select(i => $"{prefix}-{i},,{TestData.PersonalNumber(77_000 + i)},1980-01-01,シカク ハナコ,2,77,{i},00,")) + "\n");
}
