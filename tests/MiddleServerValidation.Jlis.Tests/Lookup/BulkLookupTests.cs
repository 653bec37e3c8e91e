using System.Net;
using System.Net.Http.Json;
using MiddleServerValidation.Jlis.Tests.Infrastructure;
using MiddleServerValidation.Jlis.Wire;

namespace MiddleServerValidation.Jlis.Tests.Lookup;

/// <summary>Many numbers at once: bulk requests of Jlis:BulkSize, answers in the order asked, each request through the pipeline.</summary>
public sealed class BulkLookupTests
{
    [Fact]
    public async Task Answers_come_in_the_order_asked_with_unknown_numbers_not_found()
    {
        await using var stub = await StubServer.StartAsync();
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress, new Dictionary<string, string?> { ["Jlis:BulkSize"] = "2" });
        string[] numbers = [SampleResidents.Unknown, SampleResidents.Hanako, SampleResidents.NoSex, SampleResidents.Ichirou, SampleResidents.Unknown];

        var results = await client.Registry.LookupManyAsync(numbers, CancellationToken.None);

        Assert.Equal(
            [ResidentLookupStatus.NotFound, ResidentLookupStatus.Found, ResidentLookupStatus.Found, ResidentLookupStatus.Found, ResidentLookupStatus.NotFound],
            results.Select(r => r.Status));
        Assert.Equal(SampleResidents.HanakoRecord, results[1].Resident);
        Assert.Equal(SampleResidents.IchirouRecord, results[3].Resident);
        Assert.Equal(3, (await stub.StatsAsync()).TotalRequests);
    }

    [Fact]
    public async Task A_failing_request_makes_each_of_its_numbers_unavailable_after_its_retries()
    {
        await using var stub = await StubServer.StartAsync();
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress);
        await stub.SetFaultsAsync(errorRate: 1.0);

        var results = await client.Registry.LookupManyAsync(SampleResidents.All, CancellationToken.None);

        Assert.Equal(SampleResidents.All.Length, results.Count);
        Assert.All(results, r => Assert.Equal(ResidentLookupStatus.Unavailable, r.Status));
        Assert.All(results, r => Assert.Contains("503", r.FailureCause, StringComparison.Ordinal));
        Assert.Equal(4, (await stub.StatsAsync()).TotalRequests);
        var logged = client.Logs.Entries.Concat(stub.Logs.Entries).Select(e => e.Message + e.Exception).ToList();
        Assert.Contains(logged, line => line.Contains("bulk lookup", StringComparison.Ordinal));
        Assert.DoesNotContain(logged, line => SampleResidents.All.Any(n => line.Contains(n, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Bulk_requests_stay_within_the_concurrency_limit()
    {
        await using var stub = await StubServer.StartAsync();
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress,
            new Dictionary<string, string?> { ["Jlis:BulkSize"] = "1", ["Jlis:MaxConcurrency"] = "2" });
        await stub.SetFaultsAsync(latencyMs: 50);

        var results = await client.Registry.LookupManyAsync(SampleResidents.All, CancellationToken.None);

        Assert.All(results, r => Assert.Equal(ResidentLookupStatus.Found, r.Status));
        var stats = await stub.StatsAsync();
        Assert.Equal(SampleResidents.All.Length, stats.TotalRequests);
        Assert.InRange(stats.MaxInFlight, 1, 2);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(JlisWire.MaxBulkSize + 1)]
    public async Task The_stub_refuses_an_empty_or_oversized_list(int count)
    {
        await using var stub = await StubServer.StartAsync();
        using var http = new HttpClient { BaseAddress = stub.BaseAddress };

        using var response = await http.PostAsJsonAsync(JlisWire.BulkLookupPath,
            new ResidentBulkLookupRequest(Enumerable.Repeat(SampleResidents.Hanako, count).ToArray()), JlisWire.JsonOptions);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
