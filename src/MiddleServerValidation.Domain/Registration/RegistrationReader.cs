using FluentValidation;
using MiddleServerValidation.Contracts;

namespace MiddleServerValidation.Domain.Registration;

/// <summary>
/// The one seam every entry point (message, batch file, operation) reads registrations through: the validator
/// checks every field, reading each once, and the candidate is built from the values it read.
/// Build it once and share it: the validator inside is immutable and thread-safe.
/// </summary>
public sealed class RegistrationReader(TimeProvider clock)
{
    private readonly RegisterEnrolleeValidator validator = new(clock);

    /// <summary>The longest text any field is read from; longer values are refused unread.</summary>
    public const int MaxFieldLength = RegistrationFields.MaxRawLength;

    public RegistrationReadResult Read(RegisterEnrollee message)
    {
        ArgumentNullException.ThrowIfNull(message);

        var values = new RegistrationValues();
        var context = new ValidationContext<RegisterEnrollee>(message);
        context.RootContextData[RegistrationValues.ContextKey] = values;
        var validation = validator.Validate(context);
        var key = values is { InsurerNumber: { } insurer, RegistrationId: { } id } ? new RegistrationKey(insurer, id) : null;
        if (!validation.IsValid)
        {
            return new RegistrationReadResult(null, validation.Errors.Select(failure => (Reason)failure.CustomState).ToArray(), key);
        }

        return new RegistrationReadResult(values.ToCandidate(), [], key);
    }
}
