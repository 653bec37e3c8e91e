using MiddleServerValidation.Jlis.Tests.Infrastructure;

namespace MiddleServerValidation.Jlis.Tests.Search;

/// <summary>A search goes through the lookups' pipeline: the same retries, timeout, circuit breaker and concurrency slots.</summary>
public sealed class SearchResilienceTests
{
    private static readonly ResidentSearchQuery Hanako = new("四角 花子", "シカク ハナコ", new DateOnly(1989, 9, 13), "2");

    [Fact]
    public async Task Server_errors_are_retried_until_the_search_is_answered()
    {
        await using var stub = await StubServer.StartAsync();
        // Attempts are not abandoned on a loaded machine: every request the stub counts is an answer or an injected 503.
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress, new Dictionary<string, string?> { ["Jlis:AttemptTimeout"] = "00:00:30" });
        await stub.SetFaultsAsync(errorRate: 0.5);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(ResidentSearchStatus.OneCandidate, (await client.Registry.SearchAsync(Hanako, CancellationToken.None)).Status);
        }

        var stats = await stub.StatsAsync();
        Assert.True(stats.ServiceUnavailable > 0, "no error was injected");
        Assert.Equal(4 + stats.ServiceUnavailable, stats.TotalRequests);
        Assert.Equal(stats.ServiceUnavailable, client.Logs.Entries.Count(log => log.EventId == 1001));
    }

    [Fact]
    public async Task A_search_j_lis_keeps_failing_is_unavailable_after_its_retries()
    {
        await using var stub = await StubServer.StartAsync();
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress);
        await stub.SetFaultsAsync(errorRate: 1.0);

        var result = await client.Registry.SearchAsync(Hanako, CancellationToken.None);

        Assert.Equal(ResidentSearchStatus.Unavailable, result.Status);
        Assert.Contains("503", result.FailureCause, StringComparison.Ordinal);
        Assert.Empty(result.Candidates);
        Assert.Equal(4, (await stub.StatsAsync()).TotalRequests);
        Assert.Contains(client.Logs.Entries, log => log.EventId == 1012 && log.Message.Contains("kanjiName+kanaName+birthDate+sex", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Slow_search_attempts_time_out()
    {
        await using var stub = await StubServer.StartAsync();
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress, new Dictionary<string, string?>
        {
            ["Jlis:AttemptTimeout"] = "00:00:00.200",
            ["Jlis:MaxRetryAttempts"] = "1",
        });
        await stub.SetFaultsAsync(latencyMs: 3_000);

        var result = await client.Registry.SearchAsync(Hanako, CancellationToken.None);

        Assert.Equal(ResidentSearchStatus.Unavailable, result.Status);
        Assert.Contains("did not answer within 200 ms", result.FailureCause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_circuit_opened_by_failing_lookups_stops_searches_without_calling_j_lis()
    {
        await using var stub = await StubServer.StartAsync();
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress, new Dictionary<string, string?>
        {
            ["Jlis:MaxRetryAttempts"] = "1",
            ["Jlis:CircuitBreakerMinimumThroughput"] = "4",
            ["Jlis:CircuitBreakerBreakDuration"] = "00:00:30",
        });
        await stub.SetFaultsAsync(errorRate: 1.0);
        for (var i = 0; i < 10 && !(await client.Registry.LookupAsync(SampleResidents.Hanako, CancellationToken.None)).FailureCause!.Contains("circuit open", StringComparison.Ordinal); i++)
        {
        }

        await stub.SetFaultsAsync();
        var requestsWhenOpened = (await stub.StatsAsync()).TotalRequests;
        var result = await client.Registry.SearchAsync(Hanako, CancellationToken.None);

        Assert.Equal(ResidentSearchStatus.Unavailable, result.Status);
        Assert.Contains("circuit open", result.FailureCause, StringComparison.Ordinal);
        Assert.Equal(requestsWhenOpened, (await stub.StatsAsync()).TotalRequests);
    }

    [Fact]
    public async Task Searches_wait_for_the_same_concurrency_slots_as_lookups()
    {
        await using var stub = await StubServer.StartAsync();
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress, new Dictionary<string, string?>
        {
            ["Jlis:MaxConcurrency"] = "1",
            ["Jlis:MaxQueue"] = "0",
            ["Jlis:AttemptTimeout"] = "00:00:05",
        });
        await stub.SetFaultsAsync(latencyMs: 300);

        var slowLookup = client.Registry.LookupAsync(SampleResidents.Ichirou, CancellationToken.None);
        var rejected = await client.Registry.SearchAsync(Hanako, CancellationToken.None);

        Assert.Equal(ResidentSearchStatus.Unavailable, rejected.Status);
        Assert.Contains("queue is full", rejected.FailureCause, StringComparison.Ordinal);
        Assert.Equal(ResidentLookupStatus.Found, (await slowLookup).Status);
        Assert.Equal(1, (await stub.StatsAsync()).TotalRequests);
    }

    [Fact]
    public async Task Caller_cancellation_is_thrown_not_turned_into_unavailable()
    {
        await using var stub = await StubServer.StartAsync();
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress, new Dictionary<string, string?> { ["Jlis:AttemptTimeout"] = "00:00:10" });
        await stub.SetFaultsAsync(latencyMs: 5_000);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Registry.SearchAsync(Hanako, cancellation.Token));
    }
}
