using System.ComponentModel.DataAnnotations;

namespace MiddleServerValidation.Processing.Batches;

/// <summary>Deciding uploaded batch files (section <c>Batches</c>).</summary>
public sealed class BatchProcessingOptions
{
    public const string Section = "Batches";

    /// <summary>
    /// Rows decided in one transaction, with one checkpoint. Each holds an advisory lock per personal number until
    /// commit, like a chunk of single messages (see <c>Processing:ChunkSize</c>).
    /// </summary>
    [Range(1, 2_000)]
    public int ChunkSize { get; set; } = 1_000;

    /// <summary>Batches one worker decides at the same time.</summary>
    [Range(1, 16)]
    public int ConcurrentBatches { get; set; } = 2;

    /// <summary>Chunks read, validated and looked up in J-LIS ahead of (and concurrently with) the one being decided.</summary>
    [Range(1, 8)]
    public int PrepareAhead { get; set; } = 3;

    /// <summary>How long a worker's claim on a batch holds without a checkpoint; after that another worker may resume it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long one delivery of the claim check works on a batch before handing over to a fresh message, so no
    /// delivery comes near the broker's consumer acknowledgement timeout (30 minutes by default).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:20:00")]
    public TimeSpan SliceDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether batch rows also get a notice each on the insurer's queue; the results file answers them either way.</summary>
    public bool RowNotices { get; set; }

    /// <summary>How often a worker looks for batches whose claim check was lost or whose worker died.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(30);
}
