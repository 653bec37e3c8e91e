using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MiddleServerValidation.Jlis.Health;
using MiddleServerValidation.Jlis.Resilience;
using MiddleServerValidation.Jlis.Tests.Infrastructure;

namespace MiddleServerValidation.Jlis.Tests.Resilience;

public sealed class CircuitHealthTests
{
    [Fact]
    public async Task An_open_circuit_is_degraded_readiness_and_a_gauge_of_one_then_healthy_once_it_closes()
    {
        await using var stub = await StubServer.StartAsync();
        await using var client = await RegistryHost.StartAsync(stub.BaseAddress, new Dictionary<string, string?>
        {
            ["Jlis:MaxRetryAttempts"] = "1",
            ["Jlis:CircuitBreakerMinimumThroughput"] = "2",
            ["Jlis:CircuitBreakerSamplingDuration"] = "00:00:10",
            ["Jlis:CircuitBreakerBreakDuration"] = "00:00:01",
        }, services => services.AddHealthChecks().AddJlisCircuitCheck("ready"));
        var health = client.Services.GetRequiredService<HealthCheckService>();
        var gauge = new List<int>();
        // This host's gauge only: the test classes running beside this one open circuits of their own.
        using var listener = ListenToCircuitGauge(gauge, client.Services.GetRequiredService<IMeterFactory>());

        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);
        await stub.SetFaultsAsync(errorRate: 1.0);
        for (var i = 0; i < 10 && (await client.Registry.LookupAsync(SampleResidents.Hanako, CancellationToken.None)).FailureCause?.Contains("circuit open", StringComparison.Ordinal) != true; i++)
        {
        }

        var report = await health.CheckHealthAsync();
        Assert.Equal(HealthStatus.Degraded, report.Status);
        Assert.Contains("circuit open", report.Entries[JlisHealthCheckExtensions.Name].Description, StringComparison.Ordinal);
        listener.RecordObservableInstruments();
        Assert.Equal(1, gauge[^1]);

        await stub.SetFaultsAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(1_200));
        Assert.Equal(ResidentLookupStatus.Found, (await client.Registry.LookupAsync(SampleResidents.Hanako, CancellationToken.None)).Status);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);
        listener.RecordObservableInstruments();
        Assert.Equal(0, gauge[^1]);
    }

    private static MeterListener ListenToCircuitGauge(List<int> values, IMeterFactory scope)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == JlisMetrics.MeterName && instrument.Name == "msv.jlis.circuit.state" && instrument.Meter.Scope == scope)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => values.Add(value));
        listener.Start();
        return listener;
    }
}
