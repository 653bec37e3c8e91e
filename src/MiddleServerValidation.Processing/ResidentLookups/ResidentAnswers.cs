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

    /// <summary>
    /// Searches J-LIS for each registration without a number, by its names, birthdate and sex, concurrently within the
    /// adapter's limits. The address is not searched by: it is compared with each candidate's
    /// (<see cref="CrossCheckEngine.NeedsResidentSearch"/>), so a resident who moved is said to be found on fewer facts,
    /// not to be missing.
    /// </summary>
    public async Task<Dictionary<string, ResidentAnswer>> SearchAllAsync(
        IReadOnlyCollection<KeyValuePair<string, Domain.Registration.Candidate>> searches, CancellationToken cancellationToken)
    {
        var registry = services.GetRequiredService<IResidentRegistry>();
        var answers = await Task.WhenAll(searches.Select(async search =>
            KeyValuePair.Create(search.Key, ToAnswer(await registry.SearchAsync(QueryOf(search.Value), cancellationToken)))));
        return new Dictionary<string, ResidentAnswer>(answers, StringComparer.Ordinal);
    }

    private static ResidentSearchQuery QueryOf(Domain.Registration.Candidate candidate) =>
        new(candidate.KanjiName, candidate.KanaName.Normalized, candidate.BirthDate, candidate.Sex is { } sex ? ((int)sex).ToString() : null);

    private static ResidentAnswer ToAnswer(ResidentSearchResult result)
    {
        if (result.Status == ResidentSearchStatus.Unavailable)
        {
            return new ResidentAnswer.Unavailable(result.FailureCause ?? "J-LIS unavailable");
        }

        var candidates = new List<SearchCandidate>(result.Candidates.Count);
        foreach (var candidate in result.Candidates)
        {
            var number = Domain.PersonalNumbers.PersonalNumber.Parse(candidate.PersonalNumber);
            if (!number.IsValid)
            {
                // Never taken, never shown: an answer J-LIS cannot have meant is no answer.
                return new ResidentAnswer.Unavailable("J-LIS search answered a malformed personal number");
            }

            candidates.Add(new SearchCandidate(number.Value, Found(candidate.Resident)));
        }

        return new ResidentAnswer.Searched(candidates, result.IsTruncated);
    }

    private static ResidentAnswer.Found Found(ResidentRecord resident) =>
        new(resident.KanaName, resident.BirthDate, SexOf(resident.Sex), resident.KanjiName, resident.Address);

    private static ResidentAnswer ToAnswer(ResidentLookupResult result) => result.Status switch
    {
        ResidentLookupStatus.Found when result.Resident is { } resident => Found(resident),
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
        // Numbers and facts stay out: how many residents the search found is what staff need.
        ResidentAnswer.Searched searched => JsonSerializer.Serialize(new { status = "Searched", candidates = searched.Candidates.Count, truncated = searched.IsTruncated }),
        _ => null,
    };

    internal static Sex? SexOf(string? sex) => sex switch
    {
        "1" => Sex.Male,
        "2" => Sex.Female,
        _ => null,
    };
}
