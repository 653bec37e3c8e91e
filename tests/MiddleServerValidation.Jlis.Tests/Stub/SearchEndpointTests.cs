using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiddleServerValidation.Jlis.Tests.Infrastructure;
using MiddleServerValidation.Jlis.Wire;

namespace MiddleServerValidation.Jlis.Tests.Stub;

/// <summary><c>POST api/v1/residents/search</c> on the wire, as another client would call it.</summary>
public sealed class SearchEndpointTests
{
    [Fact]
    public async Task Search_answers_the_wire_format()
    {
        await using var stub = await StubServer.StartAsync();
        using var http = stub.CreateClient();

        using var response = await http.PostAsJsonAsync(JlisWire.SearchPath, new { kanjiName = "四角 花子", birthDate = "1989-09-13" });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body.GetProperty("truncated").GetBoolean());
        var candidate = Assert.Single(body.GetProperty("candidates").EnumerateArray().ToArray());
        Assert.Equal(SampleResidents.Hanako, candidate.GetProperty("personalNumber").GetString());
        var resident = candidate.GetProperty("resident");
        Assert.Equal("四角 花子", resident.GetProperty("kanjiName").GetString());
        Assert.Equal("シカク ハナコ", resident.GetProperty("kanaName").GetString());
        Assert.Equal("1989-09-13", resident.GetProperty("birthDate").GetString());
        Assert.Equal("2", resident.GetProperty("sex").GetString());
        Assert.Equal("東京都世田谷区三軒茶屋一丁目27番5号", resident.GetProperty("address").GetString());
    }

    [Fact]
    public async Task No_candidate_is_an_empty_list_not_a_404()
    {
        await using var stub = await StubServer.StartAsync();
        using var http = stub.CreateClient();

        using var response = await http.PostAsJsonAsync(JlisWire.SearchPath, new { kanaName = "ダレモ イナイ", birthDate = "1989-09-13" });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(body.GetProperty("candidates").EnumerateArray());
    }

    public static TheoryData<object, string> BadQueries => new()
    {
        { new { kanjiName = "四角 花子" }, "birthDate" },
        { new { address = "東京都世田谷区三軒茶屋一丁目27番5号", birthDate = "1989-09-13" }, "kanjiName or kanaName" },
        { new { kanjiName = "四角 花子", birthDate = "1989-09-13", sex = "9" }, "sex" },
        { new { kanjiName = "四角 花子", birthDate = "1989-09-13", address = new string('東', 257) }, "at most 256" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task A_query_without_birthdate_or_name_is_refused_without_echoing_it(object query, string problem)
    {
        await using var stub = await StubServer.StartAsync();
        using var http = stub.CreateClient();

        using var response = await http.PostAsJsonAsync(JlisWire.SearchPath, query);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem, text, StringComparison.Ordinal);
        Assert.DoesNotContain("四角", text, StringComparison.Ordinal);
        Assert.DoesNotContain("三軒茶屋", text, StringComparison.Ordinal);
        Assert.Equal(1, (await stub.StatsAsync()).BadRequests);
    }

    [Fact]
    public async Task Faults_from_configuration_apply_to_the_search_too()
    {
        await using var stub = await StubServer.StartAsync(new Dictionary<string, string?> { ["JlisStub:Faults:ErrorRate"] = "1" });
        using var http = stub.CreateClient();

        using var response = await http.PostAsJsonAsync(JlisWire.SearchPath, new { kanjiName = "四角 花子", birthDate = "1989-09-13" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, (await stub.StatsAsync()).ServiceUnavailable);
    }

    [Fact]
    public async Task The_search_is_a_post_a_query_string_is_not_served()
    {
        await using var stub = await StubServer.StartAsync();
        using var http = stub.CreateClient();

        using var response = await http.GetAsync($"{JlisWire.SearchPath}?kanjiName=x&birthDate=1989-09-13");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
