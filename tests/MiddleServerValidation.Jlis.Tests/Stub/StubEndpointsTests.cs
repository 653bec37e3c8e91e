using System.Net;
using System.Net.Http.Json;
using MiddleServerValidation.Jlis.Tests.Infrastructure;

namespace MiddleServerValidation.Jlis.Tests.Stub;

public sealed class StubEndpointsTests
{
    [Theory]
    [InlineData("health/live")]
    [InlineData("health/ready")]
    public async Task Health_endpoints_answer_healthy(string path)
    {
        await using var stub = await StubServer.StartAsync();
        using var http = stub.CreateClient();

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Admin_endpoints_do_not_exist_unless_runtime_faults_are_allowed()
    {
        await using var stub = await StubServer.StartAsync(new Dictionary<string, string?> { ["JlisStub:AllowRuntimeFaults"] = "false" });
        using var http = stub.CreateClient();

        using var put = await http.PutAsJsonAsync("admin/faults", new { errorRate = 1.0 });
        using var stats = await http.GetAsync("admin/stats");

        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, stats.StatusCode);
    }

    [Fact]
    public async Task Invalid_runtime_faults_are_refused()
    {
        await using var stub = await StubServer.StartAsync();
        using var http = stub.CreateClient();

        using var response = await http.PutAsJsonAsync("admin/faults", new { errorRate = 1.5 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Faults_from_configuration_apply_from_the_start()
    {
        await using var stub = await StubServer.StartAsync(new Dictionary<string, string?> { ["JlisStub:Faults:ErrorRate"] = "1" });
        using var http = stub.CreateClient();

        using var response = await http.PostAsJsonAsync("api/v1/residents/lookup", new { personalNumber = SampleResidents.Hanako });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Invalid_fault_configuration_fails_start_up()
    {
        await using var app = StubServer.Build(new CapturingLoggerProvider(), new Dictionary<string, string?> { ["JlisStub:Faults:ErrorRate"] = "2" });

        await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => app.StartAsync());
    }

    [Fact]
    public async Task Lookup_answers_the_wire_format()
    {
        await using var stub = await StubServer.StartAsync();
        using var http = stub.CreateClient();

        using var response = await http.PostAsJsonAsync("api/v1/residents/lookup", new { personalNumber = SampleResidents.Hanako });
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("シカク ハナコ", body.GetProperty("kanaName").GetString());
        Assert.Equal("1989-09-13", body.GetProperty("birthDate").GetString());
        Assert.Equal("2", body.GetProperty("sex").GetString());
    }
}
