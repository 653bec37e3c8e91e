using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using MiddleServerValidation.Jlis.Resilience;
using MiddleServerValidation.Jlis.Wire;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace MiddleServerValidation.Jlis.Http;

/// <summary>
/// <see cref="IResidentRegistry"/> over HTTP. Every failure the pipeline could not absorb becomes
/// <see cref="ResidentLookupStatus.Unavailable"/> with a cause, so callers keep the record pending
/// instead of handling transport exceptions; only the caller's own cancellation is thrown.
/// </summary>
internal sealed partial class JlisHttpClient(
    HttpClient httpClient,
    JlisResilience resilience,
    ILogger<JlisHttpClient> logger) : IResidentRegistry
{
    public async Task<ResidentLookupResult> LookupAsync(string personalNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personalNumber);

        ResidentLookupResult result;
        try
        {
            using var response = await resilience.Pipeline.ExecuteAsync(
                static (state, token) => new ValueTask<HttpResponseMessage>(state.Self.SendAsync(state.PersonalNumber, token)),
                (Self: this, PersonalNumber: personalNumber),
                cancellationToken).ConfigureAwait(false);
            result = await ReadAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (BrokenCircuitException)
        {
            result = ResidentLookupResult.Unavailable("circuit open: J-LIS failed too often recently, not called");
        }
        catch (TimeoutRejectedException e)
        {
            result = ResidentLookupResult.Unavailable(
                $"J-LIS did not answer within {e.Timeout.TotalMilliseconds:0} ms, retries exhausted");
        }
        catch (HttpRequestException e)
        {
            result = ResidentLookupResult.Unavailable($"J-LIS unreachable ({e.HttpRequestError}), retries exhausted");
        }
        catch (ConcurrencyLimitRejectedException e)
        {
            result = ResidentLookupResult.Unavailable(e.Message);
        }

        if (result.Status == ResidentLookupStatus.Unavailable)
        {
            LogUnavailable(result.FailureCause!);
        }

        return result;
    }

    private Task<HttpResponseMessage> SendAsync(string personalNumber, CancellationToken cancellationToken) =>
        // A new request per attempt: a request message cannot be sent twice.
        httpClient.PostAsJsonAsync(
            JlisWire.LookupPath, new ResidentLookupRequest(personalNumber), JlisWire.JsonOptions, cancellationToken);

    private static async Task<ResidentLookupResult> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK:
                return await ReadResidentAsync(response, cancellationToken).ConfigureAwait(false);
            case HttpStatusCode.NotFound:
                return ResidentLookupResult.NotFound();
            case HttpStatusCode.BadRequest:
                // Our request was wrong: asking again would not help, and the cause must be fixed here.
                return ResidentLookupResult.Unavailable("J-LIS rejected the request as malformed (HTTP 400)");
            default:
                return ResidentLookupResult.Unavailable($"J-LIS answered HTTP {(int)response.StatusCode}, retries exhausted");
        }
    }

    private static async Task<ResidentLookupResult> ReadResidentAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ResidentLookupResponse? body;
        try
        {
            body = await response.Content.ReadFromJsonAsync<ResidentLookupResponse>(JlisWire.JsonOptions, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (JsonException)
        {
            body = null;
        }

        var sex = string.IsNullOrEmpty(body?.Sex) ? null : body.Sex;
        if (body is null || string.IsNullOrWhiteSpace(body.KanaName) || sex is not (null or "1" or "2"))
        {
            return ResidentLookupResult.Unavailable("J-LIS answered 200 with a body this adapter cannot read");
        }

        return ResidentLookupResult.Found(new ResidentRecord(body.KanaName, body.BirthDate, sex));
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "J-LIS lookup unavailable: {Cause}")]
    private partial void LogUnavailable(string cause);
}
