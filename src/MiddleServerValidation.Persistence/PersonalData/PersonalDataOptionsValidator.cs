using Microsoft.Extensions.Options;

namespace MiddleServerValidation.Persistence.PersonalData;

/// <summary>Fails start-up when a key is missing, malformed or reused, or the active key is not in the ring; the message never echoes a key.</summary>
internal sealed class PersonalDataOptionsValidator : IValidateOptions<PersonalDataOptions>
{
    public ValidateOptionsResult Validate(string? name, PersonalDataOptions options)
    {
        var failures = new List<string>();
        Check(options.HmacKey, "PersonalData:HmacKey", failures);
        var keys = options.KeysById();
        foreach (var (id, key) in keys)
        {
            if (id is < 1 or > 255)
            {
                failures.Add("PersonalData:EncryptionKeys: key ids are whole numbers from 1 to 255.");
                continue;
            }

            Check(key, options.EncryptionKeys.Count > 0 ? $"PersonalData:EncryptionKeys:{id}" : "PersonalData:EncryptionKey", failures);
        }

        if (!keys.ContainsKey(options.ActiveKeyId))
        {
            failures.Add($"PersonalData:ActiveEncryptionKeyId ({options.ActiveKeyId}) is not a key of PersonalData:EncryptionKeys.");
        }

        var all = keys.Values.Append(options.HmacKey).Where(k => !string.IsNullOrWhiteSpace(k)).ToList();
        if (failures.Count == 0 && all.Distinct(StringComparer.Ordinal).Count() != all.Count)
        {
            failures.Add("PersonalData: the HMAC key and every encryption key must be different keys.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string? value, string key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{key} is missing: set it to base64 of 32 random bytes.");
            return;
        }

        var buffer = new byte[64];
        if (!Convert.TryFromBase64String(value, buffer, out var length) || length != PersonalNumberProtector.KeySize)
        {
            failures.Add($"{key} is malformed: it must be base64 of exactly {PersonalNumberProtector.KeySize} bytes.");
        }
    }
}
