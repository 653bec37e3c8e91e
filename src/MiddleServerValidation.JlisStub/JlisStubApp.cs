using MiddleServerValidation.JlisStub.Faults;
using MiddleServerValidation.JlisStub.Health;
using MiddleServerValidation.JlisStub.Residents;

namespace MiddleServerValidation.JlisStub;

/// <summary>The stub J-LIS as a buildable app, so tests can host it in-process on a real port.</summary>
public static class JlisStubApp
{
    public const string DefaultUrl = "http://127.0.0.1:5081";

    /// <param name="configure">Runs last, e.g. for tests to add configuration or bind to port 0.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(JlisStubApp).Assembly.GetName().Name,
            // appsettings.json and the sample residents sit next to the binaries, wherever the stub is started from.
            ContentRootPath = AppContext.BaseDirectory,
        });

        builder.UseDefaultUrlUnlessConfigured();
        builder.Services.AddResidents();
        builder.Services.AddFaultInjection();
        builder.Services.AddStubHealthChecks();
        builder.Services.AddHostedService<WarmUpOnStart>();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapResidentLookup();
        app.MapBulkResidentLookup();
        app.MapResidentSearch();
        app.MapFaultAdministration();
        app.MapStubHealthChecks();
        return app;
    }

    /// <summary>127.0.0.1:5081 unless ASPNETCORE_URLS, --urls or the *_PORTS settings say otherwise.</summary>
    private static void UseDefaultUrlUnlessConfigured(this WebApplicationBuilder builder)
    {
        string[] keys = [WebHostDefaults.ServerUrlsKey, WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey];
        if (keys.All(key => string.IsNullOrEmpty(builder.Configuration[key])))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
    }
}
