using System.Text.Json;
using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Jlis;
using Microsoft.Extensions.DependencyInjection;

namespace MiddleServerValidation.Processing.ResidentLookups;

/// <summary>Asks the registry and turns its answer into the rules' terms.</summary>
/// <remarks>
/// The registry is a typed HttpClient: it is resolved per call, not captured, so the client
/// factory can rotate its handlers while this long-lived service keeps running.
/// </remarks>
public sealed class ResidentAnswers(IServiceProvider services)
{
    public async Task<ResidentAnswer> LookupAsync(string personalNumber, CancellationToken cancellationToken)
    {
        var result = await services.GetRequiredService<IResidentRegistry>().LookupAsync(personalNumber, cancellationToken);
        return result.Status switch
        {
            ResidentLookupStatus.Found when result.Resident is { } resident =>
                new ResidentAnswer.Found(resident.KanaName, resident.BirthDate, SexOf(resident.Sex)),
            ResidentLookupStatus.NotFound => new ResidentAnswer.NotFound(),
            _ => new ResidentAnswer.Unavailable(result.FailureCause ?? "J-LIS unavailable"),
        };
    }

    /// <summary>Looks up each distinct number once, concurrently; the adapter bounds the concurrency.</summary>
    public async Task<Dictionary<string, ResidentAnswer>> LookupAllAsync(IEnumerable<string> personalNumbers, CancellationToken cancellationToken)
    {
        var numbers = personalNumbers.Distinct().ToArray();
        var answers = await Task.WhenAll(numbers.Select(n => LookupAsync(n, cancellationToken)));
        return numbers.Zip(answers).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
    }

    /// <summary>The answer as kept for staff: what J-LIS said, never the personal number.</summary>
    public static string? ToJson(ResidentAnswer? answer) => answer switch
    {
        null => null,
        ResidentAnswer.Found found => JsonSerializer.Serialize(new
        {
            status = "Found",
            kanaName = found.KanaName,
            birthDate = found.BirthDate.ToString("yyyy-MM-dd"),
            sex = found.Sex is { } sex ? ((int)sex).ToString() : null,
        }),
        ResidentAnswer.NotFound => """{"status":"NotFound"}""",
        ResidentAnswer.Unavailable unavailable => JsonSerializer.Serialize(new { status = "Unavailable", cause = unavailable.Cause }),
        _ => null,
    };

    private static Sex? SexOf(string? sex) => sex switch
    {
        "1" => Sex.Male,
        "2" => Sex.Female,
        _ => null,
    };
}
