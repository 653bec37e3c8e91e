using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.InsurerNumbers;

namespace MiddleServerValidation.Benchmarks.Synthetic;

/// <summary>
/// A deterministic population: person <c>i</c> is the same in every run and every process, so a
/// seeded store, a generated batch file and a J-LIS residents file agree without sharing state.
/// Personal numbers are distinct for every index below 9×10¹⁰ and carry a valid check digit.
/// </summary>
public static class SyntheticPopulation
{
    // Bases are spread over the 11-digit range by a bijection mod 9×10¹⁰ (the multiplier is prime to 2, 3 and 5).
    private const long BaseRange = 90_000_000_000;
    private const long BaseMultiplier = 7_919_777;
    private const long BaseOffset = 12_345_678;
    private static readonly DateOnly OldestBirthDate = new(1930, 1, 1);
    private static readonly DateOnly FirstQualificationDate = new(2015, 4, 1);

    /// <summary>Twenty valid 8-digit insurer numbers (健康保険組合, law code 06) in several prefectures.</summary>
    public static readonly IReadOnlyList<string> Insurers = Enumerable.Range(0, 20).Select(InsurerNumberOf).ToArray();

    public static SyntheticPerson Person(long index)
    {
        var h = Mix(index);
        var sex = (h & 1) == 0 ? Sex.Male : Sex.Female;
        var given = sex == Sex.Male ? SyntheticNames.MaleGivenNames : SyntheticNames.FemaleGivenNames;
        return new SyntheticPerson(
            index,
            PersonalNumberOf(index),
            OldestBirthDate.AddDays((int)((h >> 8) % 33_000)),
            SyntheticNames.Surnames[(int)((h >> 24) % (ulong)SyntheticNames.Surnames.Length)],
            given[(int)((h >> 32) % (ulong)given.Length)],
            sex,
            Insurers[(int)((h >> 40) % (ulong)Insurers.Count)],
            (1000 + (h >> 44) % 9000).ToString(System.Globalization.CultureInfo.InvariantCulture),
            (index % 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture),
            ((h >> 56) % 3).ToString("D2", System.Globalization.CultureInfo.InvariantCulture),
            FirstQualificationDate.AddDays((int)((h >> 16) % 3_600)));
    }

    public static string PersonalNumberOf(long index)
    {
        var body = (10_000_000_000 + (index * BaseMultiplier + BaseOffset) % BaseRange)
            .ToString("D11", System.Globalization.CultureInfo.InvariantCulture);
        return body + Domain.PersonalNumbers.PersonalNumber.ComputeCheckDigit(body);
    }

    /// <summary>SplitMix64: a cheap, well-spread hash, so each person's attributes look independent.</summary>
    public static ulong Mix(long index)
    {
        var z = (ulong)index + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static string InsurerNumberOf(int k)
    {
        var body = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"06{k % 47 + 1:D2}{101 + k * 7:D3}");
        return body + InsurerNumber.ComputeCheckDigit(body);
    }
}
