using MiddleServerValidation.IntegrationTests.Infrastructure;
using MiddleServerValidation.Web;
using Microsoft.Extensions.DependencyInjection;

namespace MiddleServerValidation.IntegrationTests.Health;

public sealed class HealthTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task Worker_and_web_host_are_live_and_ready_with_database_and_broker_reachable()
    {
        var worker = await fixture.EnsureWorkerAsync();
        await using var web = WebApp.Build([], builder => fixture.Configure(builder));
        await web.StartAsync();

        foreach (var host in new[] { worker, web })
        {
            using var client = new HttpClient { BaseAddress = new Uri(host.Urls.First()) };
            foreach (var path in new[] { "/health/live", "/health/ready" })
            {
                var response = await client.GetAsync(path);
                Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
                Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
            }
        }

        await web.StopAsync();
    }

    [Fact]
    public async Task Readiness_fails_when_the_database_cannot_be_reached()
    {
        await using var web = WebApp.Build([], builder => fixture.Configure(builder, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Validation"] = "Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=2",
        }));
        await web.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(web.Urls.First()) };

        Assert.True((await client.GetAsync("/health/live")).IsSuccessStatusCode);
        Assert.Equal(503, (int)(await client.GetAsync("/health/ready")).StatusCode);
        await web.StopAsync();
    }
}
