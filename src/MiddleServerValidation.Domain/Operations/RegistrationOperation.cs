namespace MiddleServerValidation.Domain.Operations;

/// <summary>What a message asks for (<c>RegisterEnrollee.Operation</c>).</summary>
public enum RegistrationOperation
{
    Register,
    Correct,
    Withdraw,
    Answer,
}
