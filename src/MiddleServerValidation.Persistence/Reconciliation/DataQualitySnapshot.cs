namespace MiddleServerValidation.Persistence.Reconciliation;

/// <summary>One figure of one insurer on one day; a day's figures are replaced, never duplicated, by a later run that day.</summary>
public sealed class DataQualitySnapshot
{
    public DateOnly SnapshotDate { get; set; }
    public required string InsurerNumber { get; set; }
    public required string Kpi { get; set; }
    public long Value { get; set; }
    public Guid RunId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
