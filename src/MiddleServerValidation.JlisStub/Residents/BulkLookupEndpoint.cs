using MiddleServerValidation.Jlis.Wire;
using MiddleServerValidation.JlisStub.Faults;

namespace MiddleServerValidation.JlisStub.Residents;

/// <summary>
/// <c>POST /api/v1/residents/lookup-bulk</c>: one answer per number, in order, null when unknown; 400 when
/// the list is empty, too long or holds anything but 12 digits. Faults apply to the request as a whole.
/// </summary>
internal static partial class BulkLookupEndpoint
{
    public static IEndpointRouteBuilder MapBulkResidentLookup(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(JlisWire.BulkLookupPath, Lookup).AddEndpointFilter<FaultInjectionFilter>();
        return endpoints;
    }

    private static IResult Lookup(ResidentBulkLookupRequest? request, ResidentDirectory residents, StubStats stats, ILogger<ResidentDirectory> logger)
    {
        if (request?.PersonalNumbers is not { Count: > 0 and <= JlisWire.MaxBulkSize } numbers
            || !numbers.All(PersonalNumberFormat.IsTwelveDigits))
        {
            stats.CountBadRequest();
            return TypedResults.Problem(
                detail: $"personalNumbers must hold 1 to {JlisWire.MaxBulkSize} numbers of 12 digits.", statusCode: StatusCodes.Status400BadRequest);
        }

        var answers = numbers.Select(residents.Find).ToArray();
        var unknown = answers.Count(a => a is null);
        for (var i = 0; i < unknown; i++)
        {
            stats.CountNotFound();
        }

        LogBulkLookup(logger, numbers.Count, unknown);
        return TypedResults.Json(new ResidentBulkLookupResponse(answers), JlisWire.JsonOptions);
    }

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Bulk lookup of {Count} numbers: {Unknown} unknown")]
    private static partial void LogBulkLookup(ILogger logger, int count, int unknown);
}
