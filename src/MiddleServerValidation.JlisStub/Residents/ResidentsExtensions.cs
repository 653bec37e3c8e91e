using MiddleServerValidation.Jlis.Wire;
using MiddleServerValidation.JlisStub.Faults;

namespace MiddleServerValidation.JlisStub.Residents;

internal static partial class ResidentsExtensions
{
    public static IServiceCollection AddResidents(this IServiceCollection services)
    {
        services.AddOptions<JlisStubOptions>().BindConfiguration(JlisStubOptions.SectionName);
        services.AddSingleton<ResidentDirectory>();
        return services;
    }

    /// <summary><c>POST /api/v1/residents/lookup</c>: 200 with the resident, 404 when unknown, 400 when not 12 digits.</summary>
    public static IEndpointRouteBuilder MapResidentLookup(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(JlisWire.LookupPath, Lookup).AddEndpointFilter<FaultInjectionFilter>();
        return endpoints;
    }

    private static IResult Lookup(ResidentLookupRequest? request, ResidentDirectory residents, StubStats stats, ILogger<ResidentDirectory> logger)
    {
        if (!PersonalNumberFormat.IsTwelveDigits(request?.PersonalNumber))
        {
            stats.CountBadRequest();
            // The problem text never echoes what was sent: it could be a personal number.
            return TypedResults.Problem(detail: "personalNumber must be 12 digits.", statusCode: StatusCodes.Status400BadRequest);
        }

        var resident = residents.Find(request!.PersonalNumber);
        LogLookup(logger, PersonalNumberMask.Mask(request.PersonalNumber), resident is not null);
        if (resident is null)
        {
            stats.CountNotFound();
            return TypedResults.NotFound();
        }

        return TypedResults.Json(resident, JlisWire.JsonOptions);
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Lookup of {PersonalNumber}: found={Found}")]
    private static partial void LogLookup(ILogger logger, string personalNumber, bool found);
}
