using MiddleServerValidation.Jlis.Tests.Infrastructure;

namespace MiddleServerValidation.Jlis.Tests.Resilience;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Many_pending_lookups_all_complete_without_exceeding_the_concurrency_limit()
    {
        const int MaxConcurrency = 8;
        const int Lookups = 200;
        await using var stub = await StubServer.StartAsync();
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress, new Dictionary<string, string?>
        {
            ["Jlis:MaxConcurrency"] = MaxConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Jlis:MaxRetryAttempts"] = "5",
            ["Jlis:RetryBaseDelay"] = "00:00:00.020",
            ["Jlis:AttemptTimeout"] = "00:00:02",
            ["Jlis:CircuitBreakerMinimumThroughput"] = "10",
        });
        // A little latency makes requests overlap, so the in-flight ceiling is really put to the test.
        await stub.SetFaultsAsync(latencyMs: 20, errorRate: 0.3, requestsPerSecond: 100);

        var lookups = Enumerable.Range(0, Lookups)
            .Select(i => client.Registry.LookupAsync(SampleResidents.All[i % SampleResidents.All.Length], CancellationToken.None))
            .ToArray();
        var results = await Task.WhenAll(lookups).WaitAsync(TimeSpan.FromSeconds(25));

        Assert.All(results, result => Assert.Contains(result.Status, new[] { ResidentLookupStatus.Found, ResidentLookupStatus.Unavailable }));
        var found = results.Count(result => result.IsFound);
        Assert.True(found >= Lookups * 9 / 10, $"only {found} of {Lookups} found");

        var stats = await stub.StatsAsync();
        Assert.InRange(stats.MaxInFlight, 2, MaxConcurrency);
        Assert.True(stats.TooManyRequests > 0, "the rate limit was never hit");
        Assert.True(stats.ServiceUnavailable > 0, "no error was injected");
        Assert.True(stats.TotalRequests > Lookups, $"{stats.TotalRequests} requests for {Lookups} lookups");
    }

    [Fact]
    public async Task A_full_queue_answers_unavailable_at_once()
    {
        await using var stub = await StubServer.StartAsync();
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress, new Dictionary<string, string?>
        {
            ["Jlis:MaxConcurrency"] = "1",
            ["Jlis:MaxQueue"] = "0",
            // Generous, so the slow lookup is answered by its first attempt even on a busy machine.
            ["Jlis:AttemptTimeout"] = "00:00:05",
        });
        await stub.SetFaultsAsync(latencyMs: 300);

        var slow = client.Registry.LookupAsync(SampleResidents.Hanako, CancellationToken.None);
        var rejected = await client.Registry.LookupAsync(SampleResidents.Ichirou, CancellationToken.None);

        Assert.Equal(ResidentLookupStatus.Unavailable, rejected.Status);
        Assert.Contains("queue is full", rejected.FailureCause, StringComparison.Ordinal);
        Assert.Equal(ResidentLookupStatus.Found, (await slow).Status);
        Assert.Equal(1, (await stub.StatsAsync()).TotalRequests);
    }
}
