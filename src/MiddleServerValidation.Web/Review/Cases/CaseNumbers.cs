using MiddleServerValidation.Domain.PersonalNumbers;
using MiddleServerValidation.Persistence.PersonalData;

namespace MiddleServerValidation.Web.Review.Cases;

/// <summary>
/// The personal number of a case as staff may see it: masked on every page. The plain number leaves this class
/// only through <see cref="Unmasked"/>, which the detail page calls for an audited Supervisor request alone.
/// </summary>
public sealed class CaseNumbers(PersonalNumberProtector protector)
{
    public const string NotRegistered = "（未登録）";

    public string Masked(byte[]? cipher)
    {
        if (cipher is null)
        {
            return NotRegistered;
        }

        var value = protector.Decrypt(cipher);
        var parsed = PersonalNumber.Parse(value);
        if (parsed.IsValid)
        {
            return parsed.Value.Masked;
        }

        // A number as sent that was not valid: the same shape, never more than four characters of it.
        return value.Length <= 4 ? new string('*', value.Length) : string.Concat(new string('*', value.Length - 4), value.AsSpan(value.Length - 4));
    }

    public string Unmasked(byte[] cipher) => protector.Decrypt(cipher);
}
