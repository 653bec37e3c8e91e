namespace MiddleServerValidation.Persistence.PersonalData;

/// <summary>The field names 漢字氏名, 住所 and a found number are encrypted under (<see cref="PersonalDataBinding.RegistrationField"/>).</summary>
public static class FactFields
{
    public const string KanjiName = "kanjiName";
    public const string Address = "address";

    /// <summary>A number J-LIS's search found for a record sent without one (found_numbers).</summary>
    public const string FoundNumber = "foundNumber";
}
