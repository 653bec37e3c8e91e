using MiddleServerValidation.Jlis.Wire;
using MiddleServerValidation.JlisStub.Faults;

namespace MiddleServerValidation.JlisStub.Residents;

/// <summary>
/// <c>POST /api/v1/residents/search</c>: the residents matching the basic four facts given, zero, one or several,
/// each with its number. 400 without a birthdate or a name, or with a sex other than 1/2. Faults apply as to lookups.
/// </summary>
internal static partial class SearchEndpoint
{
    /// <summary>The contract's longest field; anything longer is not a name or an address.</summary>
    private const int MaxFieldLength = 256;

    public static IEndpointRouteBuilder MapResidentSearch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(JlisWire.SearchPath, Search).AddEndpointFilter<FaultInjectionFilter>();
        return endpoints;
    }

    private static IResult Search(ResidentSearchRequest? query, ResidentDirectory residents, StubStats stats, ILogger<ResidentDirectory> logger)
    {
        if (Problem(query) is { } problem)
        {
            stats.CountBadRequest();
            // The text names what is wrong, never what was sent: names, addresses and dates are personal data.
            return TypedResults.Problem(detail: problem, statusCode: StatusCodes.Status400BadRequest);
        }

        var found = residents.Search(query!).Take(JlisWire.MaxSearchCandidates + 1).ToList();
        var truncated = found.Count > JlisWire.MaxSearchCandidates;
        if (found.Count == 0)
        {
            stats.CountNotFound();
        }

        LogSearch(logger, FactsGiven(query!), Math.Min(found.Count, JlisWire.MaxSearchCandidates), truncated);
        return TypedResults.Json(new ResidentSearchResponse(found.Take(JlisWire.MaxSearchCandidates).ToArray(), truncated), JlisWire.JsonOptions);
    }

    private static string? Problem(ResidentSearchRequest? query) => query switch
    {
        null or { BirthDate: null } => "birthDate is required (yyyy-MM-dd).",
        { KanjiName: var kanji, KanaName: var kana } when string.IsNullOrWhiteSpace(kanji) && string.IsNullOrWhiteSpace(kana) =>
            "kanjiName or kanaName is required.",
        { Sex: not (null or "" or "1" or "2") } => "sex must be 1, 2 or absent.",
        { KanjiName.Length: > MaxFieldLength } or { KanaName.Length: > MaxFieldLength } or { Address.Length: > MaxFieldLength } =>
            $"kanjiName, kanaName and address are at most {MaxFieldLength} characters.",
        _ => null,
    };

    private static string FactsGiven(ResidentSearchRequest query) => string.Join('+', new[]
    {
        string.IsNullOrWhiteSpace(query.KanjiName) ? null : "kanjiName",
        string.IsNullOrWhiteSpace(query.KanaName) ? null : "kanaName",
        "birthDate",
        string.IsNullOrEmpty(query.Sex) ? null : "sex",
        string.IsNullOrWhiteSpace(query.Address) ? null : "address",
    }.OfType<string>());

    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "Search by {Facts}: {Candidates} candidates, truncated={Truncated}")]
    private static partial void LogSearch(ILogger logger, string facts, int candidates, bool truncated);
}
