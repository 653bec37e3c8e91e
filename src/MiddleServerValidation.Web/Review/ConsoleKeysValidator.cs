using Microsoft.Extensions.Options;

namespace MiddleServerValidation.Web.Review;

/// <summary>Fails start-up when a console key is missing or malformed; the message never echoes a key.</summary>
internal sealed class ConsoleKeysValidator : IValidateOptions<ConsoleKeys>
{
    public ValidateOptionsResult Validate(string? name, ConsoleKeys options)
    {
        var failures = new List<string>();
        Check(options.KeyRingKey, nameof(ConsoleKeys.KeyRingKey), failures);
        Check(options.AuditNameKey, nameof(ConsoleKeys.AuditNameKey), failures);
        if (failures.Count == 0 && options.KeyRingKey == options.AuditNameKey)
        {
            failures.Add($"{ConsoleOptions.Section}:{nameof(ConsoleKeys.KeyRingKey)} and {ConsoleOptions.Section}:{nameof(ConsoleKeys.AuditNameKey)} must be different keys.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string? value, string key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{ConsoleOptions.Section}:{key} is missing: set it to base64 of {ConsoleKeys.KeySize} random bytes.");
            return;
        }

        var buffer = new byte[64];
        if (!Convert.TryFromBase64String(value, buffer, out var length) || length != ConsoleKeys.KeySize)
        {
            failures.Add($"{ConsoleOptions.Section}:{key} is malformed: it must be base64 of exactly {ConsoleKeys.KeySize} bytes.");
        }
    }
}
