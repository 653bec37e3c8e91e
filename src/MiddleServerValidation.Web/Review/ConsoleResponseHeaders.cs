using Microsoft.AspNetCore.Mvc.Filters;

namespace MiddleServerValidation.Web.Review;

/// <summary>
/// Console pages carry personal data: never cached. (Never framed, no script, no referrer: every response of the
/// host gets those from <see cref="HttpSecurity.SecurityHeaders"/>.)
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
        await next();
    }
}
