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
