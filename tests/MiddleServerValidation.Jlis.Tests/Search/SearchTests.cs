using MiddleServerValidation.Jlis.Tests.Infrastructure;

namespace MiddleServerValidation.Jlis.Tests.Search;

/// <summary>A search by the basic four facts answers zero, one or several candidates, each with its number and five facts.</summary>
public sealed class SearchTests
{
    private static readonly DateOnly HanakoBorn = new(1989, 9, 13);
    private static readonly DateOnly KenjiBorn = new(1958, 12, 31);

    [Fact]
    public async Task No_resident_has_the_facts_searched_for()
    {
        await using var stub = await StubServer.StartAsync();
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress);

        var result = await client.Registry.SearchAsync(new("四角 花子", "シカク ハナコ", HanakoBorn.AddDays(1)), CancellationToken.None);

        Assert.Equal(ResidentSearchStatus.NoCandidate, result.Status);
        Assert.Empty(result.Candidates);
        Assert.Equal(1, (await stub.StatsAsync()).TotalRequests);
    }

    [Fact]
    public async Task One_resident_matches_all_four_facts_and_comes_with_its_number_and_record()
    {
        await using var stub = await StubServer.StartAsync();
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress);

        var result = await client.Registry.SearchAsync(
            new("四角　花子", "ｼｶｸ ﾊﾅｺ", HanakoBorn, "2", "世田谷区三軒茶屋1-27-5"), CancellationToken.None);

        Assert.Equal(ResidentSearchStatus.OneCandidate, result.Status);
        var candidate = Assert.Single(result.Candidates);
        Assert.Equal(SampleResidents.Hanako, candidate.PersonalNumber);
        Assert.Equal(SampleResidents.HanakoRecord, candidate.Resident);
        Assert.False(result.IsTruncated);
    }

    [Fact]
    public async Task Namesakes_born_the_same_day_are_several_candidates_until_the_address_tells_them_apart()
    {
        await using var stub = await StubServer.StartAsync();
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress);

        var byName = await client.Registry.SearchAsync(new("佐藤 健二", "サトウ ケンジ", KenjiBorn, "1"), CancellationToken.None);
        var byAddress = await client.Registry.SearchAsync(
            new("佐藤 健二", "サトウ ケンジ", KenjiBorn, "1", "福島県会津若松市大戸町高川甲1324"), CancellationToken.None);

        Assert.Equal(ResidentSearchStatus.SeveralCandidates, byName.Status);
        Assert.Equal([SampleResidents.KenjiNagoya, SampleResidents.KenjiAizu], byName.Candidates.Select(c => c.PersonalNumber).Order());
        Assert.Equal(ResidentSearchStatus.OneCandidate, byAddress.Status);
        Assert.Equal(SampleResidents.KenjiAizu, byAddress.Candidates[0].PersonalNumber);
    }

    [Theory]
    [InlineData("高橋 優", null)]
    [InlineData(null, "たかはし ゆう")]
    public async Task Either_name_finds_the_resident_and_a_variant_kanji_is_the_same_character(string? kanjiName, string? kanaName)
    {
        await using var stub = await StubServer.StartAsync();
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress);

        // J-LIS holds 髙橋; the query says 高橋. The resident has no sex or address recorded: those do not exclude it.
        var result = await client.Registry.SearchAsync(new(kanjiName, kanaName, new DateOnly(2000, 2, 29), "1", "東京都港区芝公園4-2-8"), CancellationToken.None);

        Assert.Equal(ResidentSearchStatus.OneCandidate, result.Status);
        Assert.Equal(SampleResidents.NoSex, result.Candidates[0].PersonalNumber);
        Assert.Equal(SampleResidents.NoSexRecord, result.Candidates[0].Resident);
    }

    [Theory]
    [InlineData("四角 花子", "シカク ハナコ", "1", null)]
    [InlineData("四角 花子", "シカク ハナコ", null, "大阪府大阪市北区梅田3-1-1")]
    [InlineData("四角 花子", "シカク ハナエ", null, null)]
    [InlineData("四角 華子", "シカク ハナコ", null, null)]
    public async Task A_fact_that_differs_excludes_the_resident(string kanjiName, string kanaName, string? sex, string? address)
    {
        await using var stub = await StubServer.StartAsync();
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress);

        var result = await client.Registry.SearchAsync(new(kanjiName, kanaName, HanakoBorn, sex, address), CancellationToken.None);

        Assert.Equal(ResidentSearchStatus.NoCandidate, result.Status);
    }

    [Fact]
    public async Task Twins_are_told_apart_by_their_given_names()
    {
        await using var stub = await StubServer.StartAsync();
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress);

        var result = await client.Registry.SearchAsync(new("四角 太郎", null, new DateOnly(2004, 8, 4)), CancellationToken.None);

        Assert.Equal("444444444440", Assert.Single(result.Candidates).PersonalNumber);
    }

    [Fact]
    public async Task Beyond_the_maximum_the_candidates_are_cut_and_the_answer_says_so()
    {
        using var file = new TemporaryResidentsFile(
            "personal_number,kana_name,birth_date,sex,kanji_name,address",
            Enumerable.Range(0, 12).Select(i => $"{ValidNumber(i)},ヤマダ タロウ,1970-01-01,1,山田 太郎,"));
        await using var stub = await StubServer.StartAsync(new Dictionary<string, string?> { ["JlisStub:ResidentsFile"] = file.Path });
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress);

        var result = await client.Registry.SearchAsync(new("山田 太郎", null, new DateOnly(1970, 1, 1)), CancellationToken.None);

        Assert.Equal(ResidentSearchStatus.SeveralCandidates, result.Status);
        Assert.Equal(Wire.JlisWire.MaxSearchCandidates, result.Candidates.Count);
        Assert.True(result.IsTruncated);
    }

    [Fact]
    public void A_query_needs_a_name_and_a_valid_sex()
    {
        Assert.Throws<ArgumentException>(() => new ResidentSearchQuery(" ", null, HanakoBorn));
        Assert.Throws<ArgumentException>(() => new ResidentSearchQuery("四角 花子", null, HanakoBorn, "3"));
    }

    /// <summary>Personal numbers with a valid check digit: 9000000000xx plus the digit.</summary>
    internal static string ValidNumber(int i)
    {
        var body = $"90000000{i:000}";
        var sum = 0;
        for (var n = 1; n <= 11; n++)
        {
            sum += (body[11 - n] - '0') * (n <= 6 ? n + 1 : n - 5);
        }

        var remainder = sum % 11;
        return body + (remainder <= 1 ? 0 : 11 - remainder);
    }
}
