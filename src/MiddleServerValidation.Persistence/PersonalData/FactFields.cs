namespace MiddleServerValidation.Persistence.PersonalData;

/// <summary>The field names 漢字氏名 and 住所 are encrypted under (<see cref="PersonalDataBinding.RegistrationField"/>).</summary>
public static class FactFields
{
    public const string KanjiName = "kanjiName";
    public const string Address = "address";
}
