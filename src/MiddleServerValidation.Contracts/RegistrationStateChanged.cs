namespace MiddleServerValidation.Contracts;

/// <summary>
/// A registration's usability changed (exchange <c>registration-states</c>, routing key <c>{insurer}.{state}</c>): for
/// downstream systems that must not use a held or withdrawn record. Published from the outbox, at least once: apply an
/// event only when its <see cref="Sequence"/> is greater than the last one applied for the record.
/// </summary>
public sealed record RegistrationStateChanged
{
    public Guid EventId { get; init; }

    public required string InsurerNumber { get; init; }

    public required string RegistrationId { get; init; }

    /// <summary>The record's current version (1, then one more per correction).</summary>
    public int Version { get; init; }

    /// <summary><see cref="RegistrationStates"/>: Usable, Held, Withdrawn or Rejected.</summary>
    public required string State { get; init; }

    /// <summary>The state before; null for a new record.</summary>
    public string? PreviousState { get; init; }

    /// <summary>The decision outcome of the current version (<see cref="Outcomes"/>).</summary>
    public required string Outcome { get; init; }

    /// <summary>What changed it: Registered, Corrected, Withdrawn, Answered, Reviewed, Rechecked, ResidentRegistryAnswered.</summary>
    public required string Cause { get; init; }

    /// <summary>The reason codes of the record's open findings (why it is held); empty when none is open.</summary>
    public IReadOnlyList<string> OpenReasons { get; init; } = [];

    /// <summary>The personal number with all but the last four digits masked.</summary>
    public string? PersonalNumberMasked { get; init; }

    public DateTimeOffset ChangedAt { get; init; }

    /// <summary>Increases with every change of every record, in the order they were made: orders a record's events.</summary>
    public long Sequence { get; init; }
}
