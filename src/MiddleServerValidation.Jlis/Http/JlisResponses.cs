using System.Net;
using System.Net.Http.Json;
using MiddleServerValidation.Jlis.Wire;

namespace MiddleServerValidation.Jlis.Http;

/// <summary>Reads J-LIS answers; anything this adapter cannot read is Unavailable, never a guess.</summary>
internal static class JlisResponses
{
    public static async Task<ResidentLookupResult> ReadOneAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        response.StatusCode switch
        {
            HttpStatusCode.OK => Resident(await ReadJsonAsync<ResidentLookupResponse>(response, cancellationToken).ConfigureAwait(false)),
            HttpStatusCode.NotFound => ResidentLookupResult.NotFound(),
            _ => Failed(response),
        };

    public static async Task<IReadOnlyList<ResidentLookupResult>> ReadManyAsync(
        HttpResponseMessage response, int count, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var failed = response.StatusCode == HttpStatusCode.NotFound
                ? ResidentLookupResult.Unavailable("J-LIS has no bulk lookup (HTTP 404)")
                : Failed(response);
            return Enumerable.Repeat(failed, count).ToArray();
        }

        var body = await ReadJsonAsync<ResidentBulkLookupResponse>(response, cancellationToken).ConfigureAwait(false);
        if (body?.Residents is not { } residents || residents.Count != count)
        {
            return Enumerable.Repeat(Unreadable, count).ToArray();
        }

        return residents.Select(r => r is null ? ResidentLookupResult.NotFound() : Resident(r)).ToArray();
    }

    private static ResidentLookupResult Unreadable { get; } =
        ResidentLookupResult.Unavailable("J-LIS answered 200 with a body this adapter cannot read");

    private static ResidentLookupResult Failed(HttpResponseMessage response) => response.StatusCode == HttpStatusCode.BadRequest
        // Our request was wrong: asking again would not help, and the cause must be fixed here.
        ? ResidentLookupResult.Unavailable("J-LIS rejected the request as malformed (HTTP 400)")
        : ResidentLookupResult.Unavailable($"J-LIS answered HTTP {(int)response.StatusCode}, retries exhausted");

    private static ResidentLookupResult Resident(ResidentLookupResponse? body)
    {
        var sex = string.IsNullOrEmpty(body?.Sex) ? null : body.Sex;
        return body is null || string.IsNullOrWhiteSpace(body.KanaName) || sex is not (null or "1" or "2")
            ? Unreadable
            : ResidentLookupResult.Found(new ResidentRecord(body.KanaName, body.BirthDate, sex));
    }

    private static async Task<T?> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(JlisWire.JsonOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            return default;
        }
    }
}
