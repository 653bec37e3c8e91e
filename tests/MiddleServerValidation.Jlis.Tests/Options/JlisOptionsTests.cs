using Microsoft.Extensions.Options;
using MiddleServerValidation.Jlis.Tests.Infrastructure;

namespace MiddleServerValidation.Jlis.Tests.Options;

public sealed class JlisOptionsTests
{
    [Fact]
    public async Task A_missing_base_address_fails_host_start()
    {
        using var host = RegistryHost.Build(new CapturingLoggerProvider(), baseAddress: null);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(nameof(JlisOptions.BaseAddress), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Jlis:BaseAddress", "/relative/")]
    [InlineData("Jlis:MaxConcurrency", "0")]
    [InlineData("Jlis:MaxRetryAttempts", "0")]
    [InlineData("Jlis:AttemptTimeout", "00:00:00.001")]
    [InlineData("Jlis:CircuitBreakerBreakDuration", "00:00:00.100")]
    [InlineData("Jlis:CircuitBreakerMinimumThroughput", "1")]
    public async Task An_out_of_range_setting_fails_host_start(string key, string value)
    {
        using var host = RegistryHost.Build(
            new CapturingLoggerProvider(), new Uri("http://127.0.0.1:5081/"), new Dictionary<string, string?> { [key] = value });

        await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    [Theory]
    [InlineData("http://jlis-gateway.example/")]
    [InlineData("http://10.0.0.5:8080/")]
    [InlineData("http://jlis-stub:8080/")]
    [InlineData("ftp://jlis-gateway.example/")]
    public async Task Plain_http_to_another_machine_fails_host_start_outside_development(string address)
    {
        using var host = RegistryHost.Build(new CapturingLoggerProvider(), new Uri(address));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("https", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(JlisOptions.BaseAddress), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://jlis-gateway.example/", "Production")]
    [InlineData("http://127.0.0.1:5081/", "Production")]
    [InlineData("http://127.0.0.2:5081/", "Production")]
    [InlineData("http://localhost:5081/", "Production")]
    [InlineData("http://[::1]:5081/", "Production")]
    [InlineData("http://jlis-stub:8080/", "Development")]
    public async Task Https_or_loopback_starts_and_development_may_use_plain_http(string address, string environment)
    {
        using var host = RegistryHost.Build(new CapturingLoggerProvider(), new Uri(address), environment: environment);

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public void Defaults_match_the_documented_values()
    {
        var options = new JlisOptions();

        Assert.Equal(TimeSpan.FromSeconds(2), options.AttemptTimeout);
        Assert.Equal(3, options.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(200), options.RetryBaseDelay);
        Assert.Equal(0.5, options.CircuitBreakerFailureRatio);
        Assert.Equal(10, options.CircuitBreakerMinimumThroughput);
        Assert.Equal(TimeSpan.FromSeconds(30), options.CircuitBreakerSamplingDuration);
        Assert.Equal(TimeSpan.FromSeconds(15), options.CircuitBreakerBreakDuration);
        Assert.Equal(16, options.MaxConcurrency);
        Assert.Equal(10_000, options.MaxQueue);
    }
}
