using MiddleServerValidation.Domain;

namespace MiddleServerValidation.Processing.Decisions;

public enum RegistrationResultKind
{
    /// <summary>Stored and decided now; its notice is in the outbox.</summary>
    Decided,

    /// <summary>Already stored under the same insurer number and registration id: nothing new is written.</summary>
    Duplicate,

    /// <summary>No valid insurer number or registration id: there is no insurer to answer and no key to store it under.</summary>
    Unaddressable,

    /// <summary>It names another insurer than the one that sent it: answered Rejected to its sender, not stored.</summary>
    Refused,
}

public sealed record RegistrationResult(
    RegistrationResultKind Kind,
    Guid? StoredId,
    string? Outcome,
    Guid? NoticeId,
    IReadOnlyList<Reason> Reasons);
