using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MiddleServerValidation.Jlis.Http;
using MiddleServerValidation.Jlis.Resilience;

namespace MiddleServerValidation.Jlis;

public static class ResidentRegistryExtensions
{
    /// <summary>
    /// Registers <see cref="IResidentRegistry"/>: a typed HttpClient to J-LIS behind the resilience
    /// pipeline, configured from section <c>Jlis</c> (see <see cref="JlisOptions"/>), validated at start.
    /// </summary>
    public static IServiceCollection AddResidentRegistry(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<JlisOptions>()
            .BindConfiguration(JlisOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JlisOptions>, JlisTransportValidation>());

        services.TryAddSingleton(sp => new JlisResilience(
            sp.GetRequiredService<IOptions<JlisOptions>>().Value,
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));

        services.AddHttpClient<IResidentRegistry, JlisHttpClient>((sp, httpClient) =>
        {
            var baseAddress = sp.GetRequiredService<IOptions<JlisOptions>>().Value.BaseAddress!;
            // A trailing slash keeps a path prefix of the base address when the relative lookup path is joined.
            httpClient.BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
            // The pipeline times each attempt; HttpClient's own 100 s limit would only cut retries short.
            httpClient.Timeout = Timeout.InfiniteTimeSpan;
        });

        return services;
    }
}
