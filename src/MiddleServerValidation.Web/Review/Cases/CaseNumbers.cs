using MiddleServerValidation.Domain.PersonalNumbers;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Persistence.Registrations;

namespace MiddleServerValidation.Web.Review.Cases;

/// <summary>
/// The personal number of a case as staff may see it: masked on every page. The plain number leaves this class
/// only through <see cref="Unmasked"/>, which the detail page calls for an audited Supervisor request alone.
/// </summary>
public sealed class CaseNumbers(PersonalNumberProtector protector)
{
    public const string NotRegistered = "（未登録）";

    public string Masked(StoredRegistration registration)
    {
        if (registration.PersonalNumberCipher is not { } cipher)
        {
            return NotRegistered;
        }

        var value = protector.Decrypt(cipher, BindingOf(registration));
        var parsed = PersonalNumber.Parse(value);
        if (parsed.IsValid)
        {
            return parsed.Value.Masked;
        }

        // A number as sent that was not valid: the same shape, never more than four characters of it.
        return value.Length <= 4 ? new string('*', value.Length) : string.Concat(new string('*', value.Length - 4), value.AsSpan(value.Length - 4));
    }

    public string? Unmasked(StoredRegistration registration) =>
        registration.PersonalNumberCipher is { } cipher ? protector.Decrypt(cipher, BindingOf(registration)) : null;

    private static PersonalDataBinding BindingOf(StoredRegistration registration) =>
        PersonalDataBinding.Registration(registration.InsurerNumber, registration.RegistrationId);
}
