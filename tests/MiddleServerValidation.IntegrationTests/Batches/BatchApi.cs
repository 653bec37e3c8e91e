using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiddleServerValidation.BatchFiles.Csv;
using MiddleServerValidation.IntegrationTests.Infrastructure;

namespace MiddleServerValidation.IntegrationTests.Batches;

/// <summary>The batch API as an insurer's system calls it: upload, wait for the batch, read its results.</summary>
public sealed class BatchApi(HttpClient client) : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public HttpClient Http => client;

    public static byte[] Utf8(string text, bool bom = false) =>
        (bom ? Encoding.UTF8.GetPreamble() : []).Concat(new UTF8Encoding(false).GetBytes(text)).ToArray();

    public async Task<HttpResponseMessage> PostAsync(byte[] body, string contentType = "text/csv")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await client.PostAsync("/api/v1/batches", content);
    }

    /// <summary>Uploads and returns the batch id, failing the test unless the API answered 202 with a Location.</summary>
    public async Task<Guid> SubmitAsync(byte[] body, string contentType = "text/csv")
    {
        using var response = await PostAsync(body, contentType);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batchId").GetGuid();
        Assert.Equal($"/api/v1/batches/{id}", response.Headers.Location?.ToString());
        return id;
    }

    public async Task<JsonElement> StatusAsync(Guid id)
    {
        using var response = await client.GetAsync($"/api/v1/batches/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public Task<JsonElement> WaitCompletedAsync(Guid id, TimeSpan? timeout = null) => Eventually.GetAsync(
        () => StatusAsync(id), s => s.GetProperty("status").GetString() == "Completed", timeout ?? Timeout, $"batch {id} to complete");

    /// <summary>The results file's lines as (registration_id, outcome, codes, messages), after checking its header.</summary>
    public async Task<List<ResultLine>> ResultsAsync(Guid id)
    {
        using var response = await client.GetAsync($"/api/v1/batches/{id}/results");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var records = new CsvReader(new StringReader(await response.Content.ReadAsStringAsync())).ReadAll().ToList();
        Assert.Equal(["registration_id", "outcome", "reason_codes", "messages"], records[0].Fields);
        return records.Skip(1).Select(r => new ResultLine(r.Fields[0], r.Fields[1], r.Fields[2], r.Fields[3])).ToList();
    }

    public void Dispose() => client.Dispose();
}

public sealed record ResultLine(string RegistrationId, string Outcome, string Codes, string Messages)
{
    public string[] CodeList => Codes.Split(';', StringSplitOptions.RemoveEmptyEntries);
}
