namespace MiddleServerValidation.Domain.Dates;

/// <summary>
/// A Japanese era (元号): its レセプト電算 年号区分コード, JIS X 0301 letter, kanji and first day (DOMAIN.md §5).
/// An era ends the day before the next one begins.
/// </summary>
internal sealed record Era(int Code, char Letter, string Kanji, DateOnly FirstDay)
{
    // 明治 starts at the Gregorian 改元 date; implementations differ, and it does not matter for living people.
    public static readonly IReadOnlyList<Era> All =
    [
        new(1, 'M', "明治", new DateOnly(1868, 10, 23)),
        new(2, 'T', "大正", new DateOnly(1912, 7, 30)),
        new(3, 'S', "昭和", new DateOnly(1926, 12, 25)),
        new(4, 'H', "平成", new DateOnly(1989, 1, 8)),
        new(5, 'R', "令和", new DateOnly(2019, 5, 1)),
    ];

    public static DateOnly EarliestDate => All[0].FirstDay;

    /// <summary>The last day, or null for the current era.</summary>
    public DateOnly? LastDay => Code < All.Count ? All[Code].FirstDay.AddDays(-1) : null;

    public static Era? Of(DateOnly date)
    {
        for (var i = All.Count - 1; i >= 0; i--)
        {
            if (date >= All[i].FirstDay)
            {
                return All[i];
            }
        }

        return null;
    }

    /// <summary>By kanji (平成 or 平), letter (H, either case) or code (4).</summary>
    public static Era? Find(string key) => All.FirstOrDefault(era =>
        era.Kanji == key
        || (key.Length == 1 && (key[0] == era.Kanji[0] || char.ToUpperInvariant(key[0]) == era.Letter || key[0] == '0' + era.Code)));

    /// <summary>The year within the era: 1 for the first (元年).</summary>
    public int YearOf(DateOnly date) => date.Year - FirstDay.Year + 1;
}
