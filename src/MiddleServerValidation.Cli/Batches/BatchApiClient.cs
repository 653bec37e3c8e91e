using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MiddleServerValidation.Cli.Batches;

/// <summary>The insurers' batch API over HTTP, as an insurer's own system would call it.</summary>
internal sealed class BatchApiClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;

    public BatchApiClient(Uri baseAddress, string apiKey)
    {
        // Uploads of millions of rows take longer than HttpClient's default 100 s.
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    }

    public async Task<ApiResult<BatchAccepted>> UploadAsync(Stream file, string charset, string fileName, CancellationToken cancellationToken)
    {
        var content = new StreamContent(file, 64 * 1024);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = charset };
        using var response = await _http.PostAsync($"api/v1/batches?name={Uri.EscapeDataString(fileName)}", content, cancellationToken);
        return await ReadAsync<BatchAccepted>(response, cancellationToken);
    }

    public async Task<ApiResult<BatchStatus>> StatusAsync(Guid id, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"api/v1/batches/{id}", cancellationToken);
        return await ReadAsync<BatchStatus>(response, cancellationToken);
    }

    /// <summary>Copies the results CSV to <paramref name="destination"/> as it streams in.</summary>
    public async Task<ApiProblem?> DownloadResultsAsync(Guid id, Stream destination, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"api/v1/batches/{id}/results", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return await ProblemAsync(response, cancellationToken);
        }

        await response.Content.CopyToAsync(destination, cancellationToken);
        return null;
    }

    public void Dispose() => _http.Dispose();

    private static async Task<ApiResult<T>> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken) where T : class =>
        response.IsSuccessStatusCode
            ? new ApiResult<T>(await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken), null)
            : new ApiResult<T>(null, await ProblemAsync(response, cancellationToken));

    private static async Task<ApiProblem> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<ApiProblem>(Json, cancellationToken);
            if (problem?.Title is not null)
            {
                return problem with { Status = (int)response.StatusCode };
            }
        }
        catch (JsonException)
        {
            // Not a problem body (e.g. a proxy's error page): the status code is all there is.
        }

        return new ApiProblem((int)response.StatusCode, $"HTTP {(int)response.StatusCode} {(HttpStatusCode)response.StatusCode}", null, null, null);
    }
}

internal sealed record ApiResult<T>(T? Value, ApiProblem? Problem) where T : class;

internal sealed record ApiProblem(int Status, string? Title, string? Detail, int? Line, int? Column);

internal sealed record BatchAccepted(Guid BatchId, string Status, int TotalRows);

internal sealed record BatchStatus(
    Guid BatchId, string Status, string? FileName, string Encoding, int TotalRows, int RowsDone, BatchCounts Counts,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt);

internal sealed record BatchCounts(int Accepted, int Rejected, int Suspected, int Pending);
