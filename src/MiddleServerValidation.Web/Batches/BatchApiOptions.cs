using System.ComponentModel.DataAnnotations;

namespace MiddleServerValidation.Web.Batches;

/// <summary>The insurers' batch API (section <c>BatchApi</c>).</summary>
public sealed class BatchApiOptions
{
    public const string Section = "BatchApi";

    /// <summary>The largest file accepted from an insurer, in bytes; the upload streams, so this bounds disk use, not memory.</summary>
    [Range(1_024L, 64L * 1024 * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>How many of its batches an insurer may have uploaded and not yet decided; one more answers 429.</summary>
    [Range(1, 1_000)]
    public int MaxBatchesInFlight { get; set; } = 3;

    /// <summary>Per insurer number: limits of its own, in place of the two above (e.g. a large 広域連合).</summary>
    public Dictionary<string, InsurerBatchLimits> Insurers { get; set; } = [];

    public InsurerBatchLimits LimitsOf(string insurerNumber) =>
        Insurers.TryGetValue(insurerNumber, out var own)
            ? new InsurerBatchLimits { MaxUploadBytes = own.MaxUploadBytes ?? MaxUploadBytes, MaxBatchesInFlight = own.MaxBatchesInFlight ?? MaxBatchesInFlight }
            : new InsurerBatchLimits { MaxUploadBytes = MaxUploadBytes, MaxBatchesInFlight = MaxBatchesInFlight };
}

/// <summary>One insurer's batch limits; an absent one is the default.</summary>
public sealed class InsurerBatchLimits
{
    [Range(1_024L, 64L * 1024 * 1024 * 1024)]
    public long? MaxUploadBytes { get; set; }

    [Range(1, 1_000)]
    public int? MaxBatchesInFlight { get; set; }
}
