using MiddleServerValidation.Contracts;
using MiddleServerValidation.IntegrationTests.Infrastructure;

namespace MiddleServerValidation.IntegrationTests.Health;

/// <summary>J-LIS out of reach opens the circuit: the worker stays ready (200) but says Degraded.</summary>
public sealed class JlisCircuitReadinessTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task An_open_jlis_circuit_makes_the_worker_degraded_yet_ready()
    {
        var worker = await fixture.StartWorkerAsync(new Dictionary<string, string?>
        {
            // Nothing listens there: every attempt is refused at once.
            ["Jlis:BaseAddress"] = "http://127.0.0.1:1/",
            ["Jlis:CircuitBreakerMinimumThroughput"] = "2",
            ["Jlis:CircuitBreakerBreakDuration"] = "00:01:00",
        });
        using var client = new HttpClient { BaseAddress = new Uri(worker.Urls.First()) };
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
        await using var probe = await RabbitMqProbe.ConnectAsync(fixture.RabbitMq);

        // No history: J-LIS must be asked, cannot be, and the registration waits as Pending.
        await probe.PublishRegistrationAsync(TestData.Json(TestData.Registration("CIRCUIT-1", "333333333332", "R3.03.01", "ｼｶｸ ｻｸﾗ")));
        var notice = await probe.WaitForRegistrationAsync(QueueNames.Notices(TestData.InsurerA), "CIRCUIT-1", TimeSpan.FromSeconds(30));
        Assert.Equal("Pending", notice.Message.GetProperty("outcome").GetString());

        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(200, (int)ready.StatusCode);
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", await client.GetStringAsync("/health/live"));
    }
}
