namespace MiddleServerValidation.Jlis;

/// <summary>What J-LIS holds about a resident: the five facts of its 本人確認情報.</summary>
/// <param name="KanaName">As J-LIS returns it; compare only after kana normalisation.</param>
/// <param name="Sex">"1" male, "2" female, or null when J-LIS does not say.</param>
/// <param name="KanjiName">漢字氏名 as J-LIS returns it, or null when it does not say (unknown, not a mismatch).</param>
/// <param name="Address">住所 as J-LIS returns it, or null when it does not say.</param>
/// <remarks>Every value is personal data: <c>ToString()</c> names the facts present, never their values.</remarks>
public sealed record ResidentRecord(string KanaName, DateOnly BirthDate, string? Sex, string? KanjiName = null, string? Address = null)
{
    public override string ToString() =>
        $"{nameof(ResidentRecord)} {{ KanaName, BirthDate{(Sex is null ? string.Empty : ", Sex")}"
        + $"{(KanjiName is null ? string.Empty : ", KanjiName")}{(Address is null ? string.Empty : ", Address")} }}";
}
