using MiddleServerValidation.Processing.Intake;

namespace MiddleServerValidation.Processing.ResidentLookups;

/// <summary>
/// The key a J-LIS search for a record without a number is answered under, beside the numbers looked up: the record's
/// own id, marked so that it can never be taken for a 12-digit number.
/// </summary>
public static class SearchKeys
{
    private const char Mark = '?';

    public static string Of(PreparedRegistration item) => Mark + item.Id.ToString("N");

    public static bool IsSearch(string key) => key.Length > 0 && key[0] == Mark;
}
