using Microsoft.AspNetCore.Mvc.Filters;

namespace MiddleServerValidation.Web.Review;

/// <summary>
/// Console pages carry personal data: never cached, never framed, no script or style from anywhere else,
/// and no referrer leaking case ids to other sites.
/// </summary>
internal sealed class ConsoleResponseHeaders : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        // As the anti-forgery system wants them on a page with a form (it rewrites and warns otherwise).
        headers.CacheControl = "no-cache, no-store";
        headers.Pragma = "no-cache";
        headers["X-Content-Type-Options"] = "nosniff";
        headers["X-Frame-Options"] = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'none'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'";
        await next();
    }
}
