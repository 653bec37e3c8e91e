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
    public async Task<ResidentAnswer> LookupAsync(string personalNumber, CancellationToken cancellationToken) =>
        ToAnswer(await services.GetRequiredService<IResidentRegistry>().LookupAsync(personalNumber, cancellationToken));

    /// <summary>
    /// Looks up each distinct number once. Many numbers go in bulk requests, sent concurrently within the
    /// adapter's concurrency limit: a batch's new numbers would otherwise cost a round trip each.
    /// </summary>
    public async Task<Dictionary<string, ResidentAnswer>> LookupAllAsync(IEnumerable<string> personalNumbers, CancellationToken cancellationToken)
    {
        var numbers = personalNumbers.Distinct().ToArray();
        var answers = new Dictionary<string, ResidentAnswer>(numbers.Length, StringComparer.Ordinal);
        if (numbers.Length == 1)
        {
            answers[numbers[0]] = await LookupAsync(numbers[0], cancellationToken);
        }
        else if (numbers.Length > 1)
        {
            var results = await services.GetRequiredService<IResidentRegistry>().LookupManyAsync(numbers, cancellationToken);
            for (var i = 0; i < numbers.Length; i++)
            {
                answers[numbers[i]] = ToAnswer(results[i]);
            }
        }

        return answers;
    }

    private static ResidentAnswer ToAnswer(ResidentLookupResult result) => result.Status switch
    {
        ResidentLookupStatus.Found when result.Resident is { } resident =>
            new ResidentAnswer.Found(resident.KanaName, resident.BirthDate, SexOf(resident.Sex), resident.KanjiName, resident.Address),
        ResidentLookupStatus.NotFound => new ResidentAnswer.NotFound(),
        _ => new ResidentAnswer.Unavailable(result.FailureCause ?? "J-LIS unavailable"),
    };

    /// <summary>
    /// The answer as kept for staff: what J-LIS said, never the personal number, and never its kanji name or address —
    /// this column is not encrypted; whether they matched is in the reasons and findings.
    /// </summary>
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

    internal static Sex? SexOf(string? sex) => sex switch
    {
        "1" => Sex.Male,
        "2" => Sex.Female,
        _ => null,
    };
}
