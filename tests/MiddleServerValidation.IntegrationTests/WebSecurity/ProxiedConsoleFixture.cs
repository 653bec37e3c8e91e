using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MiddleServerValidation.IntegrationTests.Review;
using MiddleServerValidation.Reconciliation.Figures;

namespace MiddleServerValidation.IntegrationTests.WebSecurity;

/// <summary>
/// The console behind a reverse proxy at 127.0.0.1 (the only trusted one), and a report that fails for one insurer
/// number, so that a test can see the console's error page.
/// </summary>
public sealed class ProxiedConsoleFixture : ReviewConsoleFixture
{
    public const string TrustedProxy = "127.0.0.1";
    public const string FailingInsurer = "99999999";

    protected override IDictionary<string, string?> WebSettings => new Dictionary<string, string?>(base.WebSettings)
    {
        ["ForwardedHeaders:KnownProxies:0"] = TrustedProxy,
    };

    protected override void ConfigureWeb(WebApplicationBuilder builder)
    {
        var original = builder.Services.Last(d => d.ServiceType == typeof(IDataQualityFigures));
        builder.Services.Remove(original);
        builder.Services.AddSingleton<IDataQualityFigures>(provider => new FailingFigures(
            (IDataQualityFigures)(original.ImplementationInstance
                ?? original.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, original.ImplementationType!))));
    }

    private sealed class FailingFigures(IDataQualityFigures inner) : IDataQualityFigures
    {
        public Task<DataQualityFigures> LoadAsync(ReportQuery query, CancellationToken cancellationToken) => query.InsurerNumber == FailingInsurer
            ? throw new InvalidOperationException("A failure the test asked for.")
            : inner.LoadAsync(query, cancellationToken);
    }
}
