namespace MiddleServerValidation.Domain.CrossCheck;

/// <summary>Why a record is Suspected: the rule that fired, under which rule set, and the evidence (staff only).</summary>
public sealed record Finding(
    ReasonCode Code,
    string RuleId,
    string RuleSetVersion,
    IReadOnlyList<FieldDifference> Differences,
    IReadOnlyList<Guid> ConflictingRegistrationIds);
