namespace MiddleServerValidation.Domain.Registration;

/// <summary>Either a <see cref="Candidate"/> to cross-check, or every problem that makes the record Rejected.</summary>
/// <param name="Key">
/// The insurer number and registration id when both could be read, even for a rejected record: what it is stored and
/// answered under. Null for a record with no insurer to answer and no key to store it under.
/// </param>
public sealed record RegistrationReadResult(Candidate? Candidate, IReadOnlyList<Reason> Problems, RegistrationKey? Key = null)
{
    public bool IsValid => Candidate is not null;
}

/// <summary>The idempotency key of a registration: the insurer's number (normalised) and its own id for the record (trimmed).</summary>
public sealed record RegistrationKey(string InsurerNumber, string RegistrationId);
