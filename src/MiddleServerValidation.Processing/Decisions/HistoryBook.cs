using MiddleServerValidation.Domain.CrossCheck;

namespace MiddleServerValidation.Processing.Decisions;

/// <summary>
/// The history the rules decide against: per personal-number key (hex), the Accepted registrations in use of any
/// insurer in the order they were decided. Loaded once for a chunk under the chunk's number locks; a record the chunk accepts is
/// added, so the ones after it see it, as if they had arrived one by one.
/// </summary>
public sealed class HistoryBook
{
    private static readonly IReadOnlyList<EarlierRegistration> None = [];
    private readonly Dictionary<string, List<EarlierRegistration>> _byKey;

    public HistoryBook(Dictionary<string, List<EarlierRegistration>> byKey) => _byKey = byKey;

    public static HistoryBook Empty() => new(new Dictionary<string, List<EarlierRegistration>>(StringComparer.Ordinal));

    /// <summary>The history of a number; empty for a record without one.</summary>
    public IReadOnlyList<EarlierRegistration> Of(string? numberKey) =>
        numberKey is not null && _byKey.TryGetValue(numberKey, out var list) ? list : None;

    public void Add(string numberKey, EarlierRegistration accepted)
    {
        if (!_byKey.TryGetValue(numberKey, out var list))
        {
            _byKey[numberKey] = list = [];
        }

        list.Add(accepted);
    }

    /// <summary>Takes a version out of its number's history: a correction replaced it, or its record was withdrawn.</summary>
    public void Remove(string? numberKey, Guid id)
    {
        if (numberKey is not null && _byKey.TryGetValue(numberKey, out var list))
        {
            list.RemoveAll(earlier => earlier.Id == id);
        }
    }

    /// <summary>Adds the histories of other numbers, read later.</summary>
    public void AddAll(HistoryBook other)
    {
        foreach (var (key, list) in other._byKey)
        {
            foreach (var earlier in list)
            {
                Add(key, earlier);
            }
        }
    }

    /// <summary>An independent copy: deciding a chunk again (after J-LIS answered, after a race) starts from the history as loaded.</summary>
    public HistoryBook Copy() =>
        new(_byKey.ToDictionary(entry => entry.Key, entry => new List<EarlierRegistration>(entry.Value), StringComparer.Ordinal));
}
