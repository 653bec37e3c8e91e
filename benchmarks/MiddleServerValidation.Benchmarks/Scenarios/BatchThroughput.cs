using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MiddleServerValidation.Benchmarks.Scenarios;

/// <summary>
/// (a) One batch file through the whole batch path: uploaded over HTTP with an insurer's key, stored, decided by
/// the worker, until the API says Completed. The rate is rows over that whole time.
/// </summary>
public static class BatchThroughput
{
    public static async Task<BatchFigures> RunAsync(Uri web, string apiKey, string file, long rows, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = web, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);

        var clock = Stopwatch.StartNew();
        Guid id;
        await using (var stream = File.OpenRead(file))
        {
            var content = new StreamContent(stream, 1 << 16);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
            using var response = await http.PostAsync("/api/v1/batches?name=bench.csv", content, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Upload failed: {(int)response.StatusCode} {body}");
            }

            id = JsonDocument.Parse(body).RootElement.GetProperty("batchId").GetGuid();
        }

        var uploaded = clock.Elapsed;
        JsonElement status;
        while (true)
        {
            status = await http.GetFromJsonAsync<JsonElement>($"/api/v1/batches/{id}", cancellationToken);
            if (status.GetProperty("status").GetString() == "Completed")
            {
                break;
            }

            await Task.Delay(100, cancellationToken);
        }

        var total = clock.Elapsed;
        var counts = status.GetProperty("counts");
        return new BatchFigures(
            rows, total, uploaded,
            counts.GetProperty("accepted").GetInt32(), counts.GetProperty("rejected").GetInt32(),
            counts.GetProperty("suspected").GetInt32(), counts.GetProperty("pending").GetInt32());
    }
}

public sealed record BatchFigures(long Rows, TimeSpan Total, TimeSpan Upload, int Accepted, int Rejected, int Suspected, int Pending)
{
    public double RowsPerSecond => Rows / Total.TotalSeconds;
}
