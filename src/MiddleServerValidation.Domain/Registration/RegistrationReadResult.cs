namespace MiddleServerValidation.Domain.Registration;

/// <summary>Either a <see cref="Candidate"/> to cross-check, or every problem that makes the record Rejected.</summary>
public sealed record RegistrationReadResult(Candidate? Candidate, IReadOnlyList<Reason> Problems)
{
    public bool IsValid => Candidate is not null;
}
