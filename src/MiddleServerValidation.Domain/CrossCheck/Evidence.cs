using System.Globalization;

namespace MiddleServerValidation.Domain.CrossCheck;

/// <summary>How values are written in a <see cref="FieldDifference"/>: ISO dates, contract sex codes, standard kana.</summary>
internal static class Evidence
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string SexCode(Sex? sex) => sex is null ? string.Empty : ((int)sex.Value).ToString(CultureInfo.InvariantCulture);

    /// <summary>The Japanese label of a field, for messages that say which field differs without its value.</summary>
    public static string Label(string field) => field switch
    {
        FieldNames.BirthDate => "生年月日",
        FieldNames.KanaName => "カナ氏名",
        FieldNames.Sex => "性別",
        FieldNames.KanjiName => "漢字氏名",
        FieldNames.Address => "住所",
        _ => field,
    };
}
