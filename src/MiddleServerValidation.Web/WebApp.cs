using MiddleServerValidation.Persistence;
using MiddleServerValidation.ServiceDefaults;
using MiddleServerValidation.Web.Batches;

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
        builder.AddPersistence();
        builder.AddMessaging();
        builder.AddBatchApi();

        // Last, so tests can replace settings and services.
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapBatchApi();
        app.MapGet("/", () => Results.Text(
            "中間サーバー登録データ検証サービス — 稼働中。/health/ready で依存先（データベース・メッセージブローカー）の状態を確認できます。",
            "text/plain; charset=utf-8"));
        return app;
    }
}
