using System.Globalization;
using MiddleServerValidation.Benchmarks.Synthetic;
using MiddleServerValidation.Domain.Dates;

namespace MiddleServerValidation.Benchmarks.Workload;

/// <summary>
/// Realistic registrations, deterministic per row: about 90 % people already stored (persons 0..stored-1) and
/// 10 % new people (from <c>newFrom</c> on, which J-LIS confirms, does not know, or knows under another name),
/// about 5 % of each error kind, and the spellings real files have: ISO and era dates, full- and half-width
/// katakana, hiragana, full-width digits. Rows must be asked for in order (new people are taken one by one).
/// </summary>
public sealed class WorkloadGenerator(long storedPeople, long newFrom, string idPrefix, string? callerInsurer)
{
    private long _newTaken;

    /// <summary>How many new people the rows so far used: persons <c>newFrom</c> .. <c>newFrom + NewTaken - 1</c>.</summary>
    public long NewTaken => _newTaken;

    public RegistrationRow Row(long i)
    {
        var h = SyntheticPopulation.Mix(i ^ 0x2545F4914F6CDD1DL);
        var u = (int)(h % 1000);
        var person = u < 100
            ? SyntheticPopulation.Person(newFrom + _newTaken++)
            : SyntheticPopulation.Person((long)(SyntheticPopulation.Mix(i + 0x3C6EF372) % (ulong)storedPeople));
        var kind = u < 100 ? NewKindOf(person.Index) : ExistingKindOf(u - 100);
        var number = person.PersonalNumber;
        var birth = person.BirthDate;
        var kana = person.KanaName;
        var card = person.CardSymbol;
        switch (kind)
        {
            case RowKind.CheckDigit: number = number[..11] + (char)('0' + ((number[11] - '0' + 1) % 10)); break;
            case RowKind.NumberFormat: number = number[..11]; break;
            case RowKind.CardLostCharacter: card = card[..2] + "●" + card[3..]; break;
            case RowKind.KanaInvalid: kana = "YAMADA TARO"; break;
            case RowKind.FieldMissing: kana = ""; break;
            case RowKind.BirthDateMismatch: birth = birth.AddDays(400); break;
            case RowKind.KanaMismatch: kana = $"{person.Surname} {OtherGivenName(person)}"; break;
        }

        return new RegistrationRow(
            RegistrationId: idPrefix + i.ToString(CultureInfo.InvariantCulture),
            InsurerNumber: callerInsurer is null ? person.InsurerNumber : (h >> 10) % 2 == 0 ? "" : callerInsurer,
            PersonalNumber: number,
            BirthDate: kind == RowKind.BirthDateInvalid ? ((h >> 12) % 2 == 0 ? "H31.5.1" : "2001-02-30") : DateVariant(birth, h >> 14),
            KanaName: KanaVariant(kana, h >> 18),
            Sex: (h >> 22) % 10 == 0 ? "" : ((int)person.Sex).ToString(CultureInfo.InvariantCulture),
            CardSymbol: (h >> 26) % 10 == 0 ? FullWidthDigits(card) : card,
            CardNumber: person.CardNumber,
            BranchNumber: person.BranchNumber,
            QualificationDate: (h >> 30) % 4 == 0 ? "" : person.QualificationDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Kind: kind);
    }

    /// <summary>The residents J-LIS knows among new people <paramref name="from"/>.. (count of them): most as they are, some under another name.</summary>
    public static IEnumerable<SyntheticPerson> Residents(long from, long count)
    {
        for (var p = from; p < from + count; p++)
        {
            var person = SyntheticPopulation.Person(p);
            switch (NewKindOf(p))
            {
                case RowKind.NewConfirmed: yield return person; break;
                case RowKind.NewMismatch: yield return person with { GivenName = OtherGivenName(person) }; break;
            }
        }
    }

    private static RowKind NewKindOf(long person) => (SyntheticPopulation.Mix(person ^ 0x5555) % 4) switch
    {
        0 or 1 => RowKind.NewConfirmed,
        2 => RowKind.NewNotFound,
        _ => RowKind.NewMismatch,
    };

    /// <summary>Among the 90 % of rows about stored people: 5 % (of all rows) of each error kind, the rest valid.</summary>
    private static RowKind ExistingKindOf(int k) => (k / 50) switch
    {
        0 => RowKind.CheckDigit,
        1 => RowKind.NumberFormat,
        2 => RowKind.BirthDateInvalid,
        3 => RowKind.KanaInvalid,
        4 => RowKind.CardLostCharacter,
        5 => RowKind.FieldMissing,
        6 => RowKind.BirthDateMismatch,
        7 => RowKind.KanaMismatch,
        _ => RowKind.HistoryMatch,
    };

    private static string OtherGivenName(SyntheticPerson person)
    {
        var names = person.Sex == Domain.Sex.Male ? SyntheticNames.MaleGivenNames : SyntheticNames.FemaleGivenNames;
        return names[(Array.IndexOf(names, person.GivenName) + 1) % names.Length];
    }

    private static string DateVariant(DateOnly date, ulong h) => (h % 10) switch
    {
        < 5 => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        5 or 6 => JapaneseDate.ToEraShort(date),
        7 => JapaneseDate.ToEraKanji(date),
        8 => JapaneseDate.ToGyymmdd(date),
        _ => FullWidthDigits(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
    };

    private static string KanaVariant(string kana, ulong h) => (h % 10) switch
    {
        < 6 => kana,
        6 or 7 => KanaVariants.ToHalfWidth(kana),
        _ => KanaVariants.ToHiragana(kana),
    };

    private static string FullWidthDigits(string text) =>
        string.Concat(text.Select(c => c is >= '0' and <= '9' ? (char)(c - '0' + '０') : c == '-' ? '－' : c));
}
