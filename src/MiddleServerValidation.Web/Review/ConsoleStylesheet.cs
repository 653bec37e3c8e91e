using Microsoft.Net.Http.Headers;

namespace MiddleServerValidation.Web.Review;

/// <summary>
/// The console's one stylesheet, embedded in the assembly: served the same from a test's output folder, a published
/// build or a container, with no static-file layout to get right.
/// </summary>
internal static class ConsoleStylesheet
{
    private static readonly Lazy<(byte[] Content, string ETag)> Stylesheet = new(() =>
    {
        using var stream = typeof(ConsoleStylesheet).Assembly.GetManifestResourceStream("MiddleServerValidation.Web.Review.Assets.console.css")
            ?? throw new InvalidOperationException("The console stylesheet is not embedded.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var content = memory.ToArray();
        return (content, $"\"{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(content))[..16]}\"");
    });

    public static IResult Serve(HttpContext context)
    {
        var (content, etag) = Stylesheet.Value;
        context.Response.Headers[HeaderNames.ETag] = etag;
        context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=3600";
        return context.Request.Headers[HeaderNames.IfNoneMatch] == etag
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(content, "text/css; charset=utf-8");
    }
}
