using System.Diagnostics;
using MiddleServerValidation.Jlis.Tests.Infrastructure;

namespace MiddleServerValidation.Jlis.Tests.Resilience;

public sealed class RetryTests
{
    [Fact]
    public async Task Server_errors_are_retried_until_the_lookup_succeeds()
    {
        await using var stub = await StubServer.StartAsync();
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress);
        await stub.SetFaultsAsync(errorRate: 0.5);
        const int Lookups = 10;

        var results = new List<ResidentLookupResult>();
        for (var i = 0; i < Lookups; i++)
        {
            results.Add(await client.Registry.LookupAsync(SampleResidents.All[i], CancellationToken.None));
        }

        Assert.All(results, result => Assert.Equal(ResidentLookupStatus.Found, result.Status));
        var stats = await stub.StatsAsync();
        Assert.True(stats.TotalRequests > Lookups, $"{stats.TotalRequests} requests for {Lookups} lookups");
        // Every extra request was a retry of a 503, and each retry was logged.
        Assert.Equal(stats.TotalRequests - Lookups, stats.ServiceUnavailable);
        Assert.Equal(stats.ServiceUnavailable, client.Logs.Entries.Count(log => log.EventId == 1001));
    }

    [Fact]
    public async Task Too_many_requests_waits_for_retry_after_then_succeeds()
    {
        await using var stub = await StubServer.StartAsync();
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress);
        // Warm up connection and JIT, so both lookups below fall into the limiter's first one-second window.
        await client.Registry.LookupAsync(SampleResidents.Hanako, CancellationToken.None);
        await stub.SetFaultsAsync(requestsPerSecond: 1);

        var first = await client.Registry.LookupAsync(SampleResidents.Hanako, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var second = await client.Registry.LookupAsync(SampleResidents.Ichirou, CancellationToken.None);
        clock.Stop();

        Assert.Equal(ResidentLookupStatus.Found, first.Status);
        Assert.Equal(ResidentLookupStatus.Found, second.Status);
        // Retries after the 10 ms base delay (10 + 20 + 40 ms) would all have landed in the same
        // one-second window and failed: success after waiting about a second shows Retry-After: 1 was honoured.
        // (Usually exactly one 429; a timer firing a millisecond early can cost a second one.)
        Assert.InRange((await stub.StatsAsync()).TooManyRequests, 1, 2);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"second lookup took {clock.Elapsed}");
    }

    [Fact]
    public async Task Slow_attempts_time_out_and_end_unavailable_after_the_retries()
    {
        await using var stub = await StubServer.StartAsync();
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress, new Dictionary<string, string?>
        {
            ["Jlis:AttemptTimeout"] = "00:00:00.200",
            ["Jlis:MaxRetryAttempts"] = "2",
        });
        await stub.SetFaultsAsync(latencyMs: 3_000);
        var clock = Stopwatch.StartNew();

        var result = await client.Registry.LookupAsync(SampleResidents.Hanako, CancellationToken.None);

        Assert.Equal(ResidentLookupStatus.Unavailable, result.Status);
        Assert.Contains("did not answer within 200 ms", result.FailureCause, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"lookup took {clock.Elapsed}");
        // Counted on the client: a timed-out attempt may be cancelled before the loaded stub has even dispatched it.
        Assert.Equal(2, client.Logs.Entries.Count(log => log.EventId == 1001));
        Assert.InRange((await stub.StatsAsync()).TotalRequests, 2, 3);
    }
}
