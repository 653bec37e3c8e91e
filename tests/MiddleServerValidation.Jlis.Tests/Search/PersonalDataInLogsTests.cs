using MiddleServerValidation.Jlis.Tests.Infrastructure;

namespace MiddleServerValidation.Jlis.Tests.Search;

/// <summary>Kanji names, kana names, addresses and birthdates are personal data: no log line of either side shows one, nor any URL.</summary>
public sealed class PersonalDataInLogsTests
{
    private static readonly string[] Searched = ["四角", "花子", "シカク", "ハナコ", "三軒茶屋", "1989-09-13"];

    [Fact]
    public async Task Searches_and_lookups_log_no_name_address_or_birthdate_and_send_them_in_no_url()
    {
        await using var stub = await StubServer.StartAsync();
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress);
        var query = new ResidentSearchQuery("四角 花子", "シカク ハナコ", new DateOnly(1989, 9, 13), "2", "東京都世田谷区三軒茶屋一丁目27番5号");

        await stub.SetFaultsAsync(errorRate: 0.5);
        var answered = await client.Registry.SearchAsync(query, CancellationToken.None);
        var found = await client.Registry.LookupAsync(SampleResidents.Hanako, CancellationToken.None);
        await stub.SetFaultsAsync(errorRate: 1.0);
        var failed = await client.Registry.SearchAsync(query, CancellationToken.None);

        Assert.Equal(ResidentSearchStatus.OneCandidate, answered.Status);
        Assert.True(found.IsFound);
        Assert.Equal(ResidentSearchStatus.Unavailable, failed.Status);
        var everything = client.Logs.Entries.Concat(stub.Logs.Entries).ToList();
        // Both sides did log the search, its retries and its URL: the assertions below look at real lines.
        Assert.Contains(everything, log => log.EventId == 2004);
        Assert.Contains(everything, log => log.EventId == 1012);
        Assert.Contains(everything, log => log.Message.Contains("api/v1/residents/search", StringComparison.Ordinal));
        Assert.DoesNotContain(everything, log => log.Message.Contains("api/v1/residents/search?", StringComparison.Ordinal));
        foreach (var value in Searched.Append(SampleResidents.Hanako))
        {
            Assert.DoesNotContain(everything, log => log.Mentions(value));
        }
    }

    [Fact]
    public void Records_queries_and_candidates_print_no_personal_data()
    {
        var query = new ResidentSearchQuery("四角 花子", "シカク ハナコ", new DateOnly(1989, 9, 13), "2", "東京都世田谷区三軒茶屋一丁目27番5号");
        var candidate = new ResidentCandidate(SampleResidents.Hanako, SampleResidents.HanakoRecord);

        var printed = $"{query} {SampleResidents.HanakoRecord} {candidate}";

        Assert.Contains("********1118", printed, StringComparison.Ordinal);
        Assert.DoesNotContain(SampleResidents.Hanako, printed, StringComparison.Ordinal);
        Assert.All(Searched, value => Assert.DoesNotContain(value, printed, StringComparison.Ordinal));
    }
}
