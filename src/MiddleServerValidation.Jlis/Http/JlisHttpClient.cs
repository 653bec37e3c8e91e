using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MiddleServerValidation.Jlis.Resilience;
using MiddleServerValidation.Jlis.Wire;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
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
    IOptions<JlisOptions> options,
    ILogger<JlisHttpClient> logger) : IResidentRegistry
{
    public async Task<ResidentLookupResult> LookupAsync(string personalNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personalNumber);

        var result = await CallAsync(
            // A new request per attempt: a request message cannot be sent twice.
            token => httpClient.PostAsJsonAsync(JlisWire.LookupPath, new ResidentLookupRequest(personalNumber), JlisWire.JsonOptions, token),
            response => JlisResponses.ReadOneAsync(response, cancellationToken),
            ResidentLookupResult.Unavailable,
            cancellationToken).ConfigureAwait(false);
        if (result.Status == ResidentLookupStatus.Unavailable)
        {
            LogUnavailable(result.FailureCause!);
        }

        return result;
    }

    public async Task<IReadOnlyList<ResidentLookupResult>> LookupManyAsync(IReadOnlyList<string> personalNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(personalNumbers);
        if (personalNumbers.Count == 0)
        {
            return [];
        }

        var slices = await Task.WhenAll(personalNumbers.Chunk(options.Value.BulkSize)
            .Select(slice => LookupSliceAsync(slice, cancellationToken))).ConfigureAwait(false);
        return slices.Length == 1 ? slices[0] : slices.SelectMany(s => s).ToArray();
    }

    public async Task<ResidentSearchResult> SearchAsync(ResidentSearchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);

        // Names and addresses travel in the body, never in the URL: URLs end up in logs and traces.
        var request = new ResidentSearchRequest(query.KanjiName, query.KanaName, query.BirthDate, query.Sex, query.Address);
        var result = await CallAsync(
            token => httpClient.PostAsJsonAsync(JlisWire.SearchPath, request, JlisWire.JsonOptions, token),
            response => JlisResponses.ReadSearchAsync(response, cancellationToken),
            ResidentSearchResult.Unavailable,
            cancellationToken).ConfigureAwait(false);
        if (result.Status == ResidentSearchStatus.Unavailable)
        {
            LogSearchUnavailable(query.FactsGiven, result.FailureCause!);
        }

        return result;
    }

    private async Task<IReadOnlyList<ResidentLookupResult>> LookupSliceAsync(string[] numbers, CancellationToken cancellationToken)
    {
        var request = new ResidentBulkLookupRequest(numbers);
        var results = await CallAsync(
            token => httpClient.PostAsJsonAsync(JlisWire.BulkLookupPath, request, JlisWire.JsonOptions, token),
            response => JlisResponses.ReadManyAsync(response, numbers.Length, cancellationToken),
            cause => Enumerable.Repeat(ResidentLookupResult.Unavailable(cause), numbers.Length).ToArray(),
            cancellationToken).ConfigureAwait(false);
        if (results.FirstOrDefault(r => r.Status == ResidentLookupStatus.Unavailable) is { } unavailable)
        {
            LogBulkUnavailable(results.Count(r => r.Status == ResidentLookupStatus.Unavailable), numbers.Length, unavailable.FailureCause!);
        }

        return results;
    }

    /// <summary>One call through the pipeline; a failure it could not absorb becomes <paramref name="unavailable"/> with its cause.</summary>
    private async Task<T> CallAsync<T>(
        Func<CancellationToken, Task<HttpResponseMessage>> send,
        Func<HttpResponseMessage, Task<T>> read,
        Func<string, T> unavailable,
        CancellationToken cancellationToken)
    {
        try
        {
            using var response = await resilience.Pipeline.ExecuteAsync(
                static (send, token) => new ValueTask<HttpResponseMessage>(send(token)), send, cancellationToken).ConfigureAwait(false);
            return await read(response).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (BrokenCircuitException)
        {
            return unavailable("circuit open: J-LIS failed too often recently, not called");
        }
        catch (TimeoutRejectedException e)
        {
            return unavailable($"J-LIS did not answer within {e.Timeout.TotalMilliseconds:0} ms, retries exhausted");
        }
        catch (HttpRequestException e)
        {
            return unavailable($"J-LIS unreachable ({e.HttpRequestError}), retries exhausted");
        }
        catch (RateLimiterRejectedException)
        {
            return unavailable(JlisResilience.QueueFullCause);
        }
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "J-LIS lookup unavailable: {Cause}")]
    private partial void LogUnavailable(string cause);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning, Message = "J-LIS search by {Facts} unavailable: {Cause}")]
    private partial void LogSearchUnavailable(string facts, string cause);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "J-LIS bulk lookup: {Unavailable} of {Count} unavailable: {Cause}")]
    private partial void LogBulkUnavailable(int unavailable, int count, string cause);
}
