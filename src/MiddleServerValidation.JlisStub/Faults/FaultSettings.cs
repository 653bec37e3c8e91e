using System.ComponentModel.DataAnnotations;

namespace MiddleServerValidation.JlisStub.Faults;

/// <summary>
/// Section <c>JlisStub:Faults</c>, and the body of <c>PUT /admin/faults</c> (camelCase there).
/// All zero means a healthy J-LIS.
/// </summary>
internal sealed record FaultSettings
{
    public const string SectionName = "JlisStub:Faults";

    /// <summary>Added to every lookup before it is answered.</summary>
    [Range(0, 600_000)]
    public int LatencyMs { get; init; }

    /// <summary>Share of lookups answered 503, spread evenly (0.5 fails every second one) so runs are reproducible.</summary>
    [Range(0.0, 1.0)]
    public double ErrorRate { get; init; }

    /// <summary>Lookups accepted per one-second window; the rest get 429 with Retry-After: 1. 0 = unlimited.</summary>
    [Range(0, 1_000_000)]
    public int RequestsPerSecond { get; init; }
}
