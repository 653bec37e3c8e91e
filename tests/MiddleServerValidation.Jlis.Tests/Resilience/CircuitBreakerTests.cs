using MiddleServerValidation.Jlis.Tests.Infrastructure;

namespace MiddleServerValidation.Jlis.Tests.Resilience;

public sealed class CircuitBreakerTests
{
    [Fact]
    public async Task Circuit_opens_on_failures_stops_calling_then_closes_after_the_break()
    {
        await using var stub = await StubServer.StartAsync();
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress, new Dictionary<string, string?>
        {
            ["Jlis:MaxRetryAttempts"] = "2",
            ["Jlis:CircuitBreakerMinimumThroughput"] = "4",
            ["Jlis:CircuitBreakerSamplingDuration"] = "00:00:10",
            ["Jlis:CircuitBreakerBreakDuration"] = "00:00:01",
        });
        await stub.SetFaultsAsync(errorRate: 1.0);

        var lookups = 0;
        ResidentLookupResult result;
        do
        {
            result = await client.Registry.LookupAsync(SampleResidents.Hanako, CancellationToken.None);
            Assert.Equal(ResidentLookupStatus.Unavailable, result.Status);
        }
        while (!result.FailureCause!.Contains("circuit open", StringComparison.Ordinal) && ++lookups < 10);

        Assert.Contains("circuit open", result.FailureCause, StringComparison.Ordinal);
        Assert.Contains(client.Logs.Entries, log => log.EventId == 1002);

        // While open, lookups answer Unavailable without reaching J-LIS at all.
        var requestsWhenOpened = (await stub.StatsAsync()).TotalRequests;
        for (var i = 0; i < 5; i++)
        {
            var shortCircuited = await client.Registry.LookupAsync(SampleResidents.Hanako, CancellationToken.None);
            Assert.Contains("circuit open", shortCircuited.FailureCause, StringComparison.Ordinal);
        }

        Assert.Equal(requestsWhenOpened, (await stub.StatsAsync()).TotalRequests);

        // J-LIS recovers; after the break the probe goes through and closes the circuit.
        await stub.SetFaultsAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(1_200));
        var afterBreak = await client.Registry.LookupAsync(SampleResidents.Hanako, CancellationToken.None);
        var next = await client.Registry.LookupAsync(SampleResidents.Ichirou, CancellationToken.None);

        Assert.Equal(ResidentLookupStatus.Found, afterBreak.Status);
        Assert.Equal(ResidentLookupStatus.Found, next.Status);
        Assert.Equal(requestsWhenOpened + 2, (await stub.StatsAsync()).TotalRequests);
        Assert.Contains(client.Logs.Entries, log => log.EventId == 1003);
        Assert.Contains(client.Logs.Entries, log => log.EventId == 1004);
    }
}
