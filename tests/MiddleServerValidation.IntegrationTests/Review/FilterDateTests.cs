using System.Net;

namespace MiddleServerValidation.IntegrationTests.Review;

/// <summary>
/// Every date filter of the console (queue, audit log and its export, report page, report and its CSV) given a day
/// no instant can be made of, or no day at all: the page answers with a Japanese message, never an error page.
/// </summary>
public sealed class FilterDateTests(ReviewConsoleFixture fixture) : IClassFixture<ReviewConsoleFixture>
{
    private const string Ignored = "絞り込み条件の一部を読み取れなかったため、無視しました";

    public static TheoryData<string> Filters()
    {
        var data = new TheoryData<string>();
        foreach (var page in new[] { "/Cases?status=All&", "/Audit?", "/Audit?handler=Csv&", "/Reports?", "/Reports?handler=Html&", "/Reports?handler=Csv&" })
        {
            foreach (var dates in new[] { "to=9999-12-31", "from=0001-01-01", "from=9999-12-31&to=9999-12-31", "from=0001-01-01&to=0001-01-01", "to=10000-01-01", "to=2026-02-30", "from=-1" })
            {
                data.Add(page + dates);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task An_extreme_or_malformed_day_is_dropped_with_a_japanese_message(string path)
    {
        using var client = new ConsoleClient(fixture.BaseAddress);
        await client.SignInAsync(ReviewConsoleFixture.Supervisor, ReviewConsoleFixture.Password);

        var response = await client.Http.GetAsync(path);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(Ignored, body);
        Assert.DoesNotContain("処理中にエラーが発生しました", body);
    }

    [Fact]
    public async Task The_widest_usable_range_still_filters()
    {
        using var client = new ConsoleClient(fixture.BaseAddress);
        await client.SignInAsync(ReviewConsoleFixture.Supervisor, ReviewConsoleFixture.Password);

        var cases = await client.Http.GetStringAsync("/Cases?status=All&from=1900-01-01&to=2999-12-31");
        var audit = await client.Http.GetAsync("/Audit?handler=Csv&from=1900-01-01&to=2999-12-31");

        Assert.Contains("全 10 件", cases);
        Assert.DoesNotContain(Ignored, cases);
        Assert.Equal("text/csv", audit.Content.Headers.ContentType?.MediaType);
    }
}
