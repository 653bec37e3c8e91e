namespace MiddleServerValidation.Jlis;

/// <summary>
/// A search by the basic four facts (基本4情報: 氏名, 生年月日, 性別, 住所): the birthdate and at least one name are
/// required; the other facts narrow the search. Every value is personal data: <c>ToString()</c> never shows one.
/// </summary>
public sealed record ResidentSearchQuery
{
    public ResidentSearchQuery(string? kanjiName, string? kanaName, DateOnly birthDate, string? sex = null, string? address = null)
    {
        if (string.IsNullOrWhiteSpace(kanjiName) && string.IsNullOrWhiteSpace(kanaName))
        {
            throw new ArgumentException("A search needs a kanji or a kana name.", nameof(kanjiName));
        }

        if (sex is not (null or "1" or "2"))
        {
            throw new ArgumentException("Sex must be \"1\", \"2\" or null.", nameof(sex));
        }

        KanjiName = Blank(kanjiName);
        KanaName = Blank(kanaName);
        BirthDate = birthDate;
        Sex = sex;
        Address = Blank(address);
    }

    public string? KanjiName { get; }

    public string? KanaName { get; }

    public DateOnly BirthDate { get; }

    /// <summary>"1" male, "2" female, or null to leave it out.</summary>
    public string? Sex { get; }

    public string? Address { get; }

    /// <summary>The facts given, by name (for logs): <c>kanjiName+birthDate+address</c>.</summary>
    public string FactsGiven => string.Join('+', new[]
    {
        KanjiName is null ? null : "kanjiName",
        KanaName is null ? null : "kanaName",
        "birthDate",
        Sex is null ? null : "sex",
        Address is null ? null : "address",
    }.OfType<string>());

    public override string ToString() => $"{nameof(ResidentSearchQuery)} {{ {FactsGiven} }}";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
