using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Domain.Registration;

namespace MiddleServerValidation.Processing.Decisions;

/// <summary>
/// Decides records one after the other, each against the Accepted registrations of its number that came before it,
/// with <see cref="CrossCheckEngine"/>: the in-memory, pure part of the decision step, the same for a new registration,
/// a pending J-LIS retry and the nightly re-check's replay.
/// </summary>
public sealed class OrderedDecider(HistoryBook history, RuleSet rules)
{
    public RuleSet Rules => rules;

    /// <summary>
    /// Decides a candidate; null when it needs a J-LIS answer that <paramref name="answerOf"/> does not have
    /// (<see cref="AnswerKey"/> is then what must be asked). Does not add it to the history: see <see cref="Count"/>.
    /// </summary>
    /// <param name="searchKey">
    /// The key a search for this candidate's number is answered under, when it has none (<see cref="SearchKeys"/>); null:
    /// not searched (a re-check's replay), decided as a number missing.
    /// </param>
    public Decided? Decide(Candidate candidate, string? numberKey, Func<string, ResidentAnswer?> answerOf, string? searchKey = null)
    {
        var earlier = history.Of(numberKey);
        ResidentAnswer? answer = null;
        if (AnswerKey(candidate, numberKey, searchKey) is { } key)
        {
            answer = answerOf(key);
            if (answer is null)
            {
                return null;
            }
        }

        return new Decided(CrossCheckEngine.Decide(candidate, earlier, answer, rules), answer);
    }

    /// <summary>What J-LIS must be asked for the candidate: its number, its search key when it has none, or null.</summary>
    public string? AnswerKey(Candidate candidate, string? numberKey, string? searchKey = null) => candidate.PersonalNumber switch
    {
        { } number => CrossCheckEngine.NeedsResidentLookup(candidate, history.Of(numberKey), rules) ? number.Value : null,
        null => searchKey is not null && CrossCheckEngine.NeedsResidentSearch(candidate, rules) ? searchKey : null,
    };

    /// <summary>Takes a version out of the history for the records after it: a correction replaced it, or it was withdrawn.</summary>
    public void Retire(string? numberKey, Guid id) => history.Remove(numberKey, id);

    /// <summary>Makes a record history for the records after it, when it stands Accepted.</summary>
    public void Count(Guid id, string insurerNumber, Candidate candidate, string? numberKey, Outcome outcome) =>
        Count(numberKey, new EarlierRegistration(id, insurerNumber, candidate.BirthDate, candidate.KanaName.Normalized, candidate.Sex), outcome);

    /// <summary>Makes a record history for the records after it, when it stands Accepted, as it is stored.</summary>
    public void Count(string? numberKey, EarlierRegistration record, Outcome outcome)
    {
        if (outcome == Outcome.Accepted && numberKey is not null)
        {
            history.Add(numberKey, record);
        }
    }
}

/// <summary>A decision and the J-LIS answer it was made with (null when J-LIS was not needed).</summary>
public sealed record Decided(Decision Decision, ResidentAnswer? Answer);
