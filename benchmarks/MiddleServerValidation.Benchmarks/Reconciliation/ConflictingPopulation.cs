using MiddleServerValidation.Benchmarks.Synthetic;

namespace MiddleServerValidation.Benchmarks.Reconciliation;

/// <summary>
/// The synthetic population as a store that has lived for years: of every 1,000 registrations, 100 register a
/// person registered before again (another insurer: a job change), 5 of those with another birthdate, given name
/// or sex (a wrong number, two workers that raced, a sex code typed wrong: the last is what rule set 2026.12.1
/// adds), 2 have no card number, 1 a "●" in its card symbol.
/// Deterministic, like <see cref="SyntheticPopulation"/>.
/// </summary>
internal static class ConflictingPopulation
{
    public const int PerMille = 1_000;
    public const int SamePerson = 100;
    public const int Conflicting = 5;

    /// <summary>
    /// The people J-LIS knows for a store of <paramref name="count"/>: each person registered first, as that first
    /// registration has them (a registration again of the same number with another fact is what J-LIS contradicts).
    /// </summary>
    public static IEnumerable<SyntheticPerson> Residents(long count)
    {
        for (var k = 0L; k < count; k++)
        {
            if (IsFirstRegistration(k))
            {
                yield return SyntheticPopulation.Person(k);
            }
        }
    }

    private static bool IsFirstRegistration(long k) =>
        k < PerMille || (int)(SyntheticPopulation.Mix(k ^ 0x5EED_5EED) % PerMille) >= SamePerson + Conflicting;

    public static SyntheticPerson Person(long k)
    {
        var h = SyntheticPopulation.Mix(k ^ 0x5EED_5EED);
        var slot = (int)(h % PerMille);
        if (IsFirstRegistration(k))
        {
            var person = SyntheticPopulation.Person(k);
            return slot switch
            {
                SamePerson + Conflicting or SamePerson + Conflicting + 1 => person with { CardNumber = "" },
                SamePerson + Conflicting + 2 => person with { CardSymbol = "●" + person.CardSymbol[1..] },
                _ => person,
            };
        }

        // Registered again by another insurer: the same number, and (for a few) not the same person.
        var earlier = SyntheticPopulation.Person((long)((h >> 20) % (ulong)k));
        var again = earlier with
        {
            Index = k,
            InsurerNumber = SyntheticPopulation.Insurers[(int)((h >> 12) % (ulong)SyntheticPopulation.Insurers.Count)],
            CardNumber = (k % 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture),
        };
        return (slot - SamePerson) switch
        {
            < 0 => again,
            0 or 2 => again with { BirthDate = earlier.BirthDate.AddDays(1 + (int)((h >> 40) % 365)) },
            1 or 3 => again with { GivenName = earlier.GivenName == "ユウキ" ? "ユウト" : "ユウキ" },
            _ => again with { Sex = earlier.Sex == Domain.Sex.Male ? Domain.Sex.Female : Domain.Sex.Male },
        };
    }
}
