using System.Net;
using System.Net.Http.Json;
using MiddleServerValidation.Jlis.Wire;

namespace MiddleServerValidation.Jlis.Http;

/// <summary>Reads J-LIS answers; anything this adapter cannot read is Unavailable, never a guess.</summary>
internal static class JlisResponses
{
    private const string UnreadableCause = "J-LIS answered 200 with a body this adapter cannot read";

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

    public static async Task<ResidentSearchResult> ReadSearchAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return ResidentSearchResult.Unavailable(response.StatusCode == HttpStatusCode.NotFound
                ? "J-LIS has no search by the basic four facts (HTTP 404)"
                : Failed(response).FailureCause!);
        }

        var body = await ReadJsonAsync<ResidentSearchResponse>(response, cancellationToken).ConfigureAwait(false);
        if (body?.Candidates is not { } candidates)
        {
            return ResidentSearchResult.Unavailable(UnreadableCause);
        }

        var found = new List<ResidentCandidate>(candidates.Count);
        foreach (var candidate in candidates)
        {
            // One unreadable candidate makes the whole answer unreadable: dropping it could turn "several" into "one".
            if (candidate is not { PersonalNumber: { Length: 12 } number } || !number.All(char.IsAsciiDigit)
                || Resident(candidate.Resident) is not { IsFound: true } readable)
            {
                return ResidentSearchResult.Unavailable(UnreadableCause);
            }

            found.Add(new ResidentCandidate(number, readable.Resident));
        }

        return ResidentSearchResult.Answered(found, body.Truncated);
    }

    private static ResidentLookupResult Unreadable { get; } =
        ResidentLookupResult.Unavailable(UnreadableCause);

    private static ResidentLookupResult Failed(HttpResponseMessage response) => response.StatusCode == HttpStatusCode.BadRequest
        // Our request was wrong: asking again would not help, and the cause must be fixed here.
        ? ResidentLookupResult.Unavailable("J-LIS rejected the request as malformed (HTTP 400)")
        : ResidentLookupResult.Unavailable($"J-LIS answered HTTP {(int)response.StatusCode}, retries exhausted");

    private static ResidentLookupResult Resident(ResidentLookupResponse? body)
    {
        var sex = string.IsNullOrEmpty(body?.Sex) ? null : body.Sex;
        return body is null || string.IsNullOrWhiteSpace(body.KanaName) || sex is not (null or "1" or "2")
            ? Unreadable
            : ResidentLookupResult.Found(new ResidentRecord(body.KanaName, body.BirthDate, sex, Known(body.KanjiName), Known(body.Address)));
    }

    /// <summary>An empty value is one J-LIS does not hold: unknown, like an absent one.</summary>
    private static string? Known(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

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
