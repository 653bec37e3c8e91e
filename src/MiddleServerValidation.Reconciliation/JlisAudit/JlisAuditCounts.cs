namespace MiddleServerValidation.Reconciliation.JlisAudit;

/// <summary>What the full-store check counts (saved with each checkpoint, so a resumed check continues them).</summary>
internal sealed class JlisAuditCounts
{
    public const string Complete = "complete";

    public long Compared { get; set; }
    public long Confirmed { get; set; }
    public long Mismatches { get; set; }
    public long AddressOnly { get; set; }
    public long Unreadable { get; set; }
    public bool IsComplete { get; set; }

    public static JlisAuditCounts From(IReadOnlyDictionary<string, long> counts) => new()
    {
        Compared = counts.GetValueOrDefault("compared"),
        Confirmed = counts.GetValueOrDefault("confirmed"),
        Mismatches = counts.GetValueOrDefault("mismatches"),
        AddressOnly = counts.GetValueOrDefault("address_only"),
        Unreadable = counts.GetValueOrDefault("unreadable"),
        IsComplete = counts.GetValueOrDefault(Complete) == 1,
    };

    public Dictionary<string, long> ToDictionary() => new()
    {
        ["compared"] = Compared,
        ["confirmed"] = Confirmed,
        ["mismatches"] = Mismatches,
        ["address_only"] = AddressOnly,
        ["unreadable"] = Unreadable,
        [Complete] = IsComplete ? 1 : 0,
    };
}
