using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace MiddleServerValidation.IntegrationTests.Review;

/// <summary>The console over plain HTTP, as a browser without JavaScript uses it: cookies, forms, anti-forgery tokens.</summary>
public sealed partial class ConsoleClient : IDisposable
{
    public const string SignInCookieName = "msv.console";

    private readonly HttpClient _http;

    public ConsoleClient(Uri baseAddress)
        : this(baseAddress, localAddress: null)
    {
    }

    /// <param name="baseAddress">The web host.</param>
    /// <param name="localAddress">The address to connect from: 127.0.0.2 is another client than 127.0.0.1 on the same machine.</param>
    public ConsoleClient(Uri baseAddress, IPAddress? localAddress)
    {
        Cookies = new CookieContainer();
        var handler = new SocketsHttpHandler { CookieContainer = Cookies, AllowAutoRedirect = false };
        if (localAddress is not null)
        {
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(localAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(localAddress, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        _http = new HttpClient(handler) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http => _http;

    /// <summary>The console's sign-in cookie as the browser holds it, or null.</summary>
    public string? SignInCookie => Cookies.GetCookies(_http.BaseAddress!)[SignInCookieName]?.Value;

    /// <summary>Presents this sign-in cookie from now on, as a replaying or forging browser would.</summary>
    public void UseSignInCookie(string value) => Cookies.Add(_http.BaseAddress!, new Cookie(SignInCookieName, value));

    /// <summary>Whether a console page answers with itself (true) or with the way to the sign-in page (false).</summary>
    public async Task<bool> OpensAsync(string path)
    {
        var response = await _http.GetAsync(path);
        var location = response.Headers.Location;
        if (response.StatusCode == HttpStatusCode.Redirect
            && (location!.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString).StartsWith("/Account/SignIn", StringComparison.Ordinal))
        {
            return false;
        }

        return response.StatusCode == HttpStatusCode.OK
            ? true
            : throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}, neither the page nor the sign-in redirect.");
    }

    /// <summary>Signs in through the sign-in form; returns the response to the form's POST.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string userName, string password)
    {
        var token = await TokenAsync("/Account/SignIn");
        return await PostAsync("/Account/SignIn", new() { ["UserName"] = userName, ["Password"] = password, ["__RequestVerificationToken"] = token });
    }

    /// <summary>The anti-forgery token of the first form on a page.</summary>
    public async Task<string> TokenAsync(string path)
    {
        var html = await _http.GetStringAsync(path);
        return TokenField().Match(html) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"No anti-forgery token on {path}");
    }

    public Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> fields) =>
        _http.PostAsync(path, new FormUrlEncodedContent(fields));

    /// <summary>Posts a decision form of the case page with the page's own token.</summary>
    public async Task<HttpResponseMessage> DecideAsync(Guid findingId, string handler, Dictionary<string, string> fields)
    {
        var path = $"/Cases/Detail/{findingId}";
        fields["__RequestVerificationToken"] = await TokenAsync(path);
        return await PostAsync($"{path}?handler={handler}", fields);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
