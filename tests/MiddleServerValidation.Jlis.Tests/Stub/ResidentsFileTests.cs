using System.Text;
using MiddleServerValidation.Jlis.Tests.Infrastructure;

namespace MiddleServerValidation.Jlis.Tests.Stub;

public sealed class ResidentsFileTests : IDisposable
{
    private const string Header = "personal_number,kana_name,birth_date,sex";
    private readonly string directory = Directory.CreateTempSubdirectory("jlis-stub-tests-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Theory]
    [InlineData("111111111118,シカク ハナコ,1989-13-01,2", "birth_date")]
    [InlineData("111111111118,シカク ハナコ,1989-09-13", "expected 4")]
    [InlineData("11111111111,シカク ハナコ,1989-09-13,2", "12 digits")]
    [InlineData("111111111119,シカク ハナコ,1989-09-13,2", "check digit")]
    [InlineData("111111111118,,1989-09-13,2", "kana_name")]
    [InlineData("111111111118,シカク ハナコ,1989-09-13,3", "sex")]
    [InlineData("222222222225,テスト イチロウ,1987-09-13,1", "already on line 2")]
    [InlineData("111111111118,シカク ハナコ,1989-09-13,2,四角 花子", "expected 4 comma-separated fields, found 5")]
    public async Task A_malformed_line_fails_start_up_naming_the_line_but_not_the_number(string badLine, string problem)
    {
        var file = Write($"{Header}\n222222222225,テスト イチロウ,1987-09-13,1\n{badLine}\n", bom: false);
        await using var app = StubServer.Build(new CapturingLoggerProvider(), new Dictionary<string, string?> { ["JlisStub:ResidentsFile"] = file });

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => app.StartAsync());

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(badLine.Split(',')[0], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_header_fails_start_up()
    {
        var file = Write("number,name,birth,sex\n111111111118,シカク ハナコ,1989-09-13,2\n", bom: false);
        await using var app = StubServer.Build(new CapturingLoggerProvider(), new Dictionary<string, string?> { ["JlisStub:ResidentsFile"] = file });

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => app.StartAsync());

        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_file_with_or_without_bom_and_crlf_is_served(bool bom)
    {
        var file = Write($"{Header}\r\n913909960300,タナカ ヨウコ,1965-02-28,2\r\n\r\n", bom);
        await using var stub = await StubServer.StartAsync(new Dictionary<string, string?> { ["JlisStub:ResidentsFile"] = file });
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress);

        var found = await client.Registry.LookupAsync("913909960300", CancellationToken.None);
        var fromSampleOnly = await client.Registry.LookupAsync(SampleResidents.Hanako, CancellationToken.None);

        Assert.Equal(new ResidentRecord("タナカ ヨウコ", new DateOnly(1965, 2, 28), "2"), found.Resident);
        Assert.Equal(ResidentLookupStatus.NotFound, fromSampleOnly.Status);
    }

    [Theory]
    [InlineData("personal_number,kana_name,birth_date,sex,address,kanji_name")]
    [InlineData("personal_number,kana_name,birth_date,sex,kanji_name,address")]
    public async Task Kanji_name_and_address_columns_are_read_in_either_order(string header)
    {
        var row = header.EndsWith("kanji_name", StringComparison.Ordinal)
            ? "913909960300,タナカ ヨウコ,1965-02-28,2,\"京都市中京区上本能寺前町488, 本能寺ハイツ\",田中 洋子"
            : "913909960300,タナカ ヨウコ,1965-02-28,2,田中 洋子,\"京都市中京区上本能寺前町488, 本能寺ハイツ\"";
        var file = Write($"{header}\n{row}\n", bom: true);
        await using var stub = await StubServer.StartAsync(new Dictionary<string, string?> { ["JlisStub:ResidentsFile"] = file });
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress);

        var found = await client.Registry.LookupAsync("913909960300", CancellationToken.None);

        Assert.Equal(new ResidentRecord("タナカ ヨウコ", new DateOnly(1965, 2, 28), "2", "田中 洋子", "京都市中京区上本能寺前町488, 本能寺ハイツ"), found.Resident);
    }

    [Theory]
    [InlineData("913909960300,タナカ ヨウコ,1965-02-28,2")]
    [InlineData("913909960300,タナカ ヨウコ,1965-02-28,2,,")]
    [InlineData("913909960300,タナカ ヨウコ,1965-02-28,2,  ,")]
    public async Task Kanji_name_and_address_left_empty_or_out_are_unknown(string row)
    {
        var file = Write($"personal_number,kana_name,birth_date,sex,kanji_name,address\n{row}\n", bom: false);
        await using var stub = await StubServer.StartAsync(new Dictionary<string, string?> { ["JlisStub:ResidentsFile"] = file });
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress);

        var found = await client.Registry.LookupAsync("913909960300", CancellationToken.None);

        Assert.Equal(new ResidentRecord("タナカ ヨウコ", new DateOnly(1965, 2, 28), "2", null, null), found.Resident);
    }

    [Theory]
    [InlineData("personal_number,kana_name,birth_date,sex,kanji_name,kanji_name", "913909960300,タナカ ヨウコ,1965-02-28,2", "line 1")]
    [InlineData("personal_number,kana_name,birth_date,sex,address,phone", "913909960300,タナカ ヨウコ,1965-02-28,2", "line 1")]
    [InlineData("personal_number,kana_name,birth_date,sex,kanji_name,address", "913909960300,タナカ ヨウコ,1965-02-28,2,田中 洋子,京都市中京区,寺町", "expected 4 to 6")]
    [InlineData("personal_number,kana_name,birth_date,sex,kanji_name,address", "913909960300,タナカ ヨウコ,1965-02-28,2,田中 洋子,\"京都市中京区", "not closed")]
    public async Task A_wrong_header_or_row_fails_start_up_without_showing_names_or_addresses(string header, string row, string problem)
    {
        var file = Write($"{header}\n{row}\n", bom: false);
        await using var app = StubServer.Build(new CapturingLoggerProvider(), new Dictionary<string, string?> { ["JlisStub:ResidentsFile"] = file });

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => app.StartAsync());

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("田中", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("京都市", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("913909960300", error.Message, StringComparison.Ordinal);
    }

    private string Write(string content, bool bom)
    {
        var path = Path.Combine(directory, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: bom));
        return path;
    }
}
