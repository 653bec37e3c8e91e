using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.Operations;

namespace MiddleServerValidation.Processing.Operations;

/// <summary>
/// A record as an operation finds it: its current version (the latest; retired when withdrawn), what that version was
/// decided, and the findings that still hold it. Immutable: deciding an operation in a chunk puts a new one in its place
/// for the records after it.
/// </summary>
public sealed record RecordTarget(
    Guid VersionId,
    int Version,
    Outcome Outcome,
    string State,
    bool Withdrawn,
    byte[]? NumberKey,
    string? NumberKeyHex,
    string? PersonalNumberMasked,
    string? BatchId,
    IReadOnlyList<OpenFinding> OpenFindings)
{
    /// <summary>The state the one rule gives this version as it stands.</summary>
    public string RuleState => RegistrationStateRule.Of(Outcome, OpenFindings.Count, Withdrawn, superseded: false);
}

/// <summary>A finding that holds its record (open, or confirmed by staff), as an operation closes it.</summary>
public sealed record OpenFinding(Guid Id, string Code, string Status, Guid[] ConflictingRegistrationIds);

/// <summary>An operation already applied to a record (the log's row): a redelivery of it is answered, not applied again.</summary>
public sealed record AppliedOperationRef(Guid VersionId, string Outcome, Guid? NoticeId);
