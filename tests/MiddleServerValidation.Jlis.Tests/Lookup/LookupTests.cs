using System.Diagnostics;
using MiddleServerValidation.Jlis.Tests.Infrastructure;

namespace MiddleServerValidation.Jlis.Tests.Lookup;

public sealed class LookupTests
{
    [Fact]
    public async Task Known_number_is_found_with_its_five_facts()
    {
        await using var stub = await StubServer.StartAsync();
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress);

        var result = await client.Registry.LookupAsync(SampleResidents.Hanako, CancellationToken.None);

        Assert.Equal(ResidentLookupStatus.Found, result.Status);
        Assert.Equal(SampleResidents.HanakoRecord, result.Resident);
        Assert.Null(result.FailureCause);
    }

    [Fact]
    public async Task Male_resident_and_resident_without_sex_or_address_are_told_apart()
    {
        await using var stub = await StubServer.StartAsync();
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress);

        var male = await client.Registry.LookupAsync(SampleResidents.Ichirou, CancellationToken.None);
        var unknownSex = await client.Registry.LookupAsync(SampleResidents.NoSex, CancellationToken.None);

        Assert.Equal(SampleResidents.IchirouRecord, male.Resident);
        Assert.Equal(SampleResidents.NoSexRecord, unknownSex.Resident);
    }

    [Fact]
    public async Task Unknown_number_is_not_found_and_asked_only_once()
    {
        await using var stub = await StubServer.StartAsync();
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress);

        var result = await client.Registry.LookupAsync(SampleResidents.Unknown, CancellationToken.None);

        Assert.Equal(ResidentLookupStatus.NotFound, result.Status);
        Assert.Null(result.Resident);
        var stats = await stub.StatsAsync();
        Assert.Equal(1, stats.TotalRequests);
        Assert.Equal(1, stats.NotFound);
    }

    [Fact]
    public async Task Bad_request_is_unavailable_with_a_cause_and_not_retried()
    {
        await using var stub = await StubServer.StartAsync();
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress);

        var result = await client.Registry.LookupAsync("12345", CancellationToken.None);

        Assert.Equal(ResidentLookupStatus.Unavailable, result.Status);
        Assert.Contains("400", result.FailureCause, StringComparison.Ordinal);
        var stats = await stub.StatsAsync();
        Assert.Equal(1, stats.TotalRequests);
        Assert.Equal(1, stats.BadRequests);
    }

    [Fact]
    public async Task Caller_cancellation_is_thrown_not_turned_into_unavailable()
    {
        await using var stub = await StubServer.StartAsync();
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress, new Dictionary<string, string?>
        {
            ["Jlis:AttemptTimeout"] = "00:00:10",
        });
        await client.Registry.LookupAsync(SampleResidents.Hanako, CancellationToken.None);
        await stub.SetFaultsAsync(latencyMs: 5_000);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.Registry.LookupAsync(SampleResidents.Hanako, cancellation.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"cancellation took {clock.Elapsed}");
        // The warm-up, then at most the one cancelled attempt: a cancelled lookup is never retried.
        Assert.InRange((await stub.StatsAsync()).TotalRequests, 1, 2);
    }

    [Fact]
    public async Task Personal_numbers_never_reach_the_logs_of_either_side()
    {
        await using var stub = await StubServer.StartAsync();
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress);
        await stub.SetFaultsAsync(errorRate: 0.5);

        foreach (var number in SampleResidents.All.Append(SampleResidents.Unknown))
        {
            await client.Registry.LookupAsync(number, CancellationToken.None);
        }

        var everything = client.Logs.Entries.Concat(stub.Logs.Entries).ToList();
        Assert.Contains(client.Logs.Entries, log => log.Message.Contains("retrying", StringComparison.Ordinal));
        Assert.Contains(stub.Logs.Entries, log => log.Mentions("********1118"));
        foreach (var number in SampleResidents.All.Append(SampleResidents.Unknown))
        {
            Assert.DoesNotContain(everything, log => log.Mentions(number));
        }
    }
}
