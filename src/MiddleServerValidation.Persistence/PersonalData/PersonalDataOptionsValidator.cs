using Microsoft.Extensions.Options;

namespace MiddleServerValidation.Persistence.PersonalData;

/// <summary>Fails start-up when a key is missing or malformed; the message never echoes a key.</summary>
internal sealed class PersonalDataOptionsValidator : IValidateOptions<PersonalDataOptions>
{
    public ValidateOptionsResult Validate(string? name, PersonalDataOptions options)
    {
        var failures = new List<string>();
        Check(options.HmacKey, nameof(PersonalDataOptions.HmacKey), failures);
        Check(options.EncryptionKey, nameof(PersonalDataOptions.EncryptionKey), failures);
        if (failures.Count == 0 && options.HmacKey == options.EncryptionKey)
        {
            failures.Add("PersonalData:HmacKey and PersonalData:EncryptionKey must be different keys.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string? value, string key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"PersonalData:{key} is missing: set it to base64 of 32 random bytes.");
            return;
        }

        var buffer = new byte[64];
        if (!Convert.TryFromBase64String(value, buffer, out var length) || length != PersonalNumberProtector.KeySize)
        {
            failures.Add($"PersonalData:{key} is malformed: it must be base64 of exactly {PersonalNumberProtector.KeySize} bytes.");
        }
    }
}
