using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace MiddleServerValidation.Web.HttpSecurity;

public static class HttpSecurityExtensions
{
    /// <summary>
    /// In front of everything else the host does: forwarded headers from the configured proxies only, HSTS outside
    /// Development, and the security headers on every response (<see cref="SecurityHeaders"/>).
    /// </summary>
    public static WebApplicationBuilder AddHttpSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = settings.Value.ForwardLimit;
            // The framework trusts loopback by default; here only what is configured.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in settings.Value.KnownProxies)
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }

            foreach (var network in settings.Value.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        builder.Services.AddTransient<IStartupFilter, HttpSecurityStartupFilter>();
        return builder;
    }

    /// <summary>A startup filter, so that it wraps the framework's own middleware (routing, authentication, exception pages) too.</summary>
    private sealed class HttpSecurityStartupFilter(IOptions<ForwardedHeadersSettings> proxies, IWebHostEnvironment environment) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // With no proxy configured the middleware would believe everyone (its lists empty): it is left out instead.
            if (proxies.Value.TrustsAnyProxy)
            {
                app.UseForwardedHeaders();
            }

            if (!environment.IsDevelopment())
            {
                app.UseHsts();
            }

            app.UseSecurityHeaders();
            next(app);
        };
    }
}
