using MiddleServerValidation.Domain.Registration;

namespace MiddleServerValidation.Processing.Operations;

/// <summary>What a chunk's operations were read against: the records' current versions and the operations already applied.</summary>
public sealed record OperationTargets(
    IReadOnlyDictionary<RegistrationKey, RecordTarget> Records,
    IReadOnlyDictionary<(RegistrationKey, string), AppliedOperationRef> Applied)
{
    public static OperationTargets Empty { get; } = new(new Dictionary<RegistrationKey, RecordTarget>(), new Dictionary<(RegistrationKey, string), AppliedOperationRef>());
}
