namespace MiddleServerValidation.Domain.CrossCheck;

/// <summary>What the earlier registrations of the number say about a candidate, before any J-LIS answer.</summary>
internal enum HistoryVerdict
{
    /// <summary>No earlier registration: the number must be checked against J-LIS.</summary>
    NoHistory,

    /// <summary>Consistent (or the earlier names are all unknown, which raises nothing).</summary>
    Match,
    BirthDateMismatch,
    NameMismatch,

    /// <summary>Same birthdate and name, another sex (only under a rule set that checks it).</summary>
    SexMismatch,

    /// <summary>Only the surname differs (marriage, divorce): J-LIS decides.</summary>
    SurnameChanged,
}

/// <param name="RuleId">The rule behind a mismatch or surname change; null otherwise.</param>
/// <param name="Differences">Evidence against the earlier registrations (staff only).</param>
internal sealed record HistoryAssessment(
    HistoryVerdict Verdict,
    string? RuleId,
    IReadOnlyList<FieldDifference> Differences,
    IReadOnlyList<Guid> ConflictingRegistrationIds)
{
    public static readonly HistoryAssessment NoHistory = new(HistoryVerdict.NoHistory, null, [], []);
    public static readonly HistoryAssessment Match = new(HistoryVerdict.Match, null, [], []);

    public bool NeedsResidentLookup => Verdict is HistoryVerdict.NoHistory or HistoryVerdict.SurnameChanged;
}
