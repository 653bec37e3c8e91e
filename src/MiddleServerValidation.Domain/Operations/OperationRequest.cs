namespace MiddleServerValidation.Domain.Operations;

/// <summary>
/// A message's operation as read: what it asks, the insurer's id for it (null: its content identifies it), the reason
/// key and the note (numbers typed into it masked). <see cref="Problems"/> is empty when it can be applied.
/// </summary>
public sealed record OperationRequest(
    RegistrationOperation Kind, string? OperationId, string? Reason, string? Note, IReadOnlyList<Reason> Problems)
{
    public static readonly OperationRequest Registration = new(RegistrationOperation.Register, null, null, null, []);

    public bool IsRegistration => Kind == RegistrationOperation.Register;

    public bool IsValid => Problems.Count == 0;

    /// <summary>The name insurers send (<c>correct</c>, …).</summary>
    public string Name => OperationReader.NameOf(Kind);
}
