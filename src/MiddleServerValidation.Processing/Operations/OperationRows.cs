using MiddleServerValidation.Persistence.Operations;

namespace MiddleServerValidation.Processing.Operations;

/// <summary>
/// What an applied operation changes besides the rows a decision writes: the log entry, the version it retires or
/// whose state changes, the findings it closes (each with its case event, an answer's with its suppressions), a pending
/// J-LIS lookup it makes moot.
/// </summary>
public sealed record OperationRows(
    AppliedOperation Applied,
    VersionChange? Version,
    IReadOnlyList<FindingClosure> Closures,
    bool Suppress,
    Guid? CancelLookupOf);

/// <param name="Retire">True when the version leaves use (replaced or withdrawn); false when only its state changes.</param>
public sealed record VersionChange(Guid VersionId, string State, bool Retire);

/// <summary>A finding closed by its insurer's operation, with what its case event and suppression record.</summary>
public sealed record FindingClosure(
    Guid FindingId, Guid RegistrationId, string Code, Guid[] ConflictingRegistrationIds, string StatusBefore, string StatusAfter,
    string EventKind, string Actor, string? ReasonCategory, string? Note, Guid? NoticeId);
