using System.ComponentModel.DataAnnotations;

namespace MiddleServerValidation.Web.Batches;

/// <summary>The insurers' batch API (section <c>BatchApi</c>).</summary>
public sealed class BatchApiOptions
{
    public const string Section = "BatchApi";

    /// <summary>The largest file accepted, in bytes; the upload streams, so this bounds disk use, not memory.</summary>
    [Range(1_024L, 64L * 1024 * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 4L * 1024 * 1024 * 1024;
}
