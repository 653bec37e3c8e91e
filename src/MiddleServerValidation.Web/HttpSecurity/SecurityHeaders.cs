namespace MiddleServerValidation.Web.HttpSecurity;

/// <summary>
/// Headers every response of the web host carries — console pages, the stylesheet, error pages, 404s, redirects and
/// the API's problem bodies alike: no MIME sniffing, no referrer, never framed, and a Content-Security-Policy
/// without scripts. A response that set its own policy (the report document) keeps it.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'none'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'";

    /// <summary>The API reference page (Development only): its own scripts and inline styles, nothing from elsewhere.</summary>
    public const string ReferencePagePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set as the response starts: after an exception handler cleared the headers, and only where none was set.
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }

            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    });
}
