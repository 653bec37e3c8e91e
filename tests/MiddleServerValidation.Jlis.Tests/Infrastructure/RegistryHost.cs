using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MiddleServerValidation.Jlis.Tests.Infrastructure;

/// <summary>A host wired exactly as production wires it (<c>AddResidentRegistry</c>), with small test timings.</summary>
internal sealed class RegistryHost : IAsyncDisposable
{
    /// <summary>Short delays and a breaker that stays out of the way unless a test asks for it.</summary>
    public static readonly IReadOnlyDictionary<string, string?> FastDefaults = new Dictionary<string, string?>
    {
        ["Jlis:AttemptTimeout"] = "00:00:01",
        ["Jlis:MaxRetryAttempts"] = "3",
        ["Jlis:RetryBaseDelay"] = "00:00:00.010",
        ["Jlis:CircuitBreakerFailureRatio"] = "0.5",
        ["Jlis:CircuitBreakerMinimumThroughput"] = "1000",
        ["Jlis:CircuitBreakerSamplingDuration"] = "00:00:30",
        ["Jlis:CircuitBreakerBreakDuration"] = "00:00:01",
    };

    private readonly IHost host;

    private RegistryHost(IHost host, CapturingLoggerProvider logs)
    {
        this.host = host;
        Logs = logs;
    }

    public CapturingLoggerProvider Logs { get; }

    public IResidentRegistry Registry => host.Services.GetRequiredService<IResidentRegistry>();

    public IServiceProvider Services => host.Services;

    public static async Task<RegistryHost> StartAsync(
        Uri? baseAddress, IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configure = null)
    {
        var logs = new CapturingLoggerProvider();
        var host = Build(logs, baseAddress, overrides, configure: configure);
        await host.StartAsync();
        return new RegistryHost(host, logs);
    }

    /// <summary>Builds without starting, for tests about start-up validation; the environment is Production unless named.</summary>
    public static IHost Build(
        CapturingLoggerProvider logs, Uri? baseAddress, IReadOnlyDictionary<string, string?>? overrides = null, string? environment = null,
        Action<IServiceCollection>? configure = null)
    {
        var settings = new Dictionary<string, string?>(FastDefaults) { ["Jlis:BaseAddress"] = baseAddress?.ToString() };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        // No defaults: appsettings or environment variables of the machine must not leak into tests.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = environment ?? Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Debug).AddProvider(logs);
        builder.Services.AddResidentRegistry();
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
