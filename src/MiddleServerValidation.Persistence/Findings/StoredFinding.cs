namespace MiddleServerValidation.Persistence.Findings;

/// <summary>A suspected error found by a rule: the case operations staff review.</summary>
public sealed class StoredFinding
{
    public Guid Id { get; set; }
    public Guid RegistrationId { get; set; }
    public required string InsurerNumber { get; set; }
    public required string Code { get; set; }
    public required string RuleId { get; set; }
    public required string RuleSetVersion { get; set; }

    /// <summary>Which fields differed and from what (staff only; never sent to the insurer), JSON.</summary>
    public required string DifferencesJson { get; set; }

    public Guid[] ConflictingRegistrationIds { get; set; } = [];
    public required string Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public static class FindingStatuses
{
    public const string Open = nameof(Open);
}
