using MiddleServerValidation.Persistence;
using MiddleServerValidation.ServiceDefaults;
using MiddleServerValidation.Web.Batches;
using MiddleServerValidation.Web.HttpSecurity;
using MiddleServerValidation.Web.OpenApi;
using MiddleServerValidation.Web.Registrations;
using MiddleServerValidation.Web.Review;
using MiddleServerValidation.Web.Review.Reports;

namespace MiddleServerValidation.Web;

public static class WebApp
{
    /// <summary>Builds the web host; tests call it with their own configuration.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
        });
        builder.AddServiceDefaults();
        builder.AddHttpSecurity();
        builder.AddPersistence();
        builder.AddMessaging();
        builder.AddReviewConsole();
        builder.AddReportsPage();
        builder.AddBatchApi();
        builder.AddInsurerApiDocument();

        // Last, so tests can replace settings and services.
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapReviewConsole();
        app.MapBatchApi();
        app.MapRegistrationApi();
        app.MapInsurerApiDocument();
        return app;
    }
}
