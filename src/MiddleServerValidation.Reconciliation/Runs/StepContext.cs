using MiddleServerValidation.Persistence.Reconciliation;

namespace MiddleServerValidation.Reconciliation.Runs;

/// <summary>The run a step belongs to, where it left off (when resumed), and where it reports progress.</summary>
internal sealed class StepContext(
    ReconciliationRun run, string step, byte[]? checkpoint, IReadOnlyDictionary<string, long> counts, IProgress<ReconciliationProgress>? progress)
{
    public ReconciliationRun Run { get; } = run;
    public string Step { get; } = step;

    /// <summary>Saved by an earlier, interrupted attempt of this step; null on a first attempt.</summary>
    public byte[]? Checkpoint { get; } = checkpoint;

    /// <summary>The counts saved with <see cref="Checkpoint"/>, to continue from.</summary>
    public IReadOnlyDictionary<string, long> Counts { get; } = counts;

    public void Report(IReadOnlyDictionary<string, long> counts) => progress?.Report(new ReconciliationProgress(Run.Id, Step, counts));
}

/// <summary>A step's counts so far, reported after each checkpoint.</summary>
public sealed record ReconciliationProgress(Guid RunId, string Step, IReadOnlyDictionary<string, long> Counts);
