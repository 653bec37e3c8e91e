using Microsoft.AspNetCore.Diagnostics;

namespace MiddleServerValidation.Web.Review;

/// <summary>
/// What staff see when a console page fails: a Japanese page, never a blank one or a stack trace. The failure is
/// logged by the framework; the page names the time so that operators can find it. API paths are left to the API.
/// </summary>
internal static class ConsoleErrorPage
{
    public static WebApplication UseConsoleErrorPage(this WebApplication app)
    {
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/api"),
            branch => branch.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteAsync }));
        return app;
    }

    private static async Task WriteAsync(HttpContext context)
    {
        var at = Display.JapanTime.DateTime(DateTimeOffset.UtcNow);
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="ja"><head><meta charset="utf-8"><title>エラー — 審査コンソール</title>
            <link rel="stylesheet" href="/console.css"></head>
            <body><main><div class="panel">
            <h1>処理中にエラーが発生しました</h1>
            <div class="alert error" role="alert">申し訳ありません。画面を表示できませんでした。操作はもう一度お試しください。
            続く場合は、発生日時（{at}）を添えて運用管理者に連絡してください。</div>
            <a href="/Cases">案件一覧へ戻る</a>
            </div></main></body></html>
            """, context.RequestAborted);
    }
}
