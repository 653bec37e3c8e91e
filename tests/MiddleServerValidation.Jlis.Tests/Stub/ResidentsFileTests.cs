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

    private string Write(string content, bool bom)
    {
        var path = Path.Combine(directory, $"{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: bom));
        return path;
    }
}
