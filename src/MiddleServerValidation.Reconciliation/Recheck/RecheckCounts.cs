namespace MiddleServerValidation.Reconciliation.Recheck;

/// <summary>What the re-check did so far; saved with each checkpoint, so a resumed step continues the totals.</summary>
internal sealed class RecheckCounts
{
    /// <summary>Personal numbers with more than one registration worth comparing.</summary>
    public long Numbers { get; set; }

    /// <summary>Registrations decided again against the ones before them.</summary>
    public long Decided { get; set; }

    public long NewFindings { get; set; }

    /// <summary>Raised again, and already stored as an Open or Confirmed case.</summary>
    public long AlreadyRecorded { get; set; }

    /// <summary>Raised again, and already decided 理由付き疑いなし: left as decided.</summary>
    public long DismissedKept { get; set; }

    /// <summary>Accepted registrations a new finding turned Suspected.</summary>
    public long OutcomesChanged { get; set; }

    /// <summary>Stored open cases of a history rule the current rules no longer raise (left for staff to close).</summary>
    public long NoLongerRaised { get; set; }

    /// <summary>Would need a J-LIS answer that was never stored (left to the registration path).</summary>
    public long NeedsJlis { get; set; }

    /// <summary>Stored values that cannot be read back (e.g. a personal number under a retired key).</summary>
    public long Unreadable { get; set; }

    public Dictionary<string, long> ToDictionary() => new()
    {
        ["numbers"] = Numbers,
        ["decided"] = Decided,
        ["new_findings"] = NewFindings,
        ["already_recorded"] = AlreadyRecorded,
        ["dismissed_kept"] = DismissedKept,
        ["outcomes_changed"] = OutcomesChanged,
        ["no_longer_raised"] = NoLongerRaised,
        ["needs_jlis"] = NeedsJlis,
        ["unreadable"] = Unreadable,
    };

    public static RecheckCounts From(IReadOnlyDictionary<string, long> saved)
    {
        long Get(string name) => saved.TryGetValue(name, out var value) ? value : 0;
        return new RecheckCounts
        {
            Numbers = Get("numbers"),
            Decided = Get("decided"),
            NewFindings = Get("new_findings"),
            AlreadyRecorded = Get("already_recorded"),
            DismissedKept = Get("dismissed_kept"),
            OutcomesChanged = Get("outcomes_changed"),
            NoLongerRaised = Get("no_longer_raised"),
            NeedsJlis = Get("needs_jlis"),
            Unreadable = Get("unreadable"),
        };
    }
}
