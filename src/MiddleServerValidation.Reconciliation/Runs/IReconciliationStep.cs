namespace MiddleServerValidation.Reconciliation.Runs;

/// <summary>One step of a run. A step that can take long saves its own checkpoints through <see cref="StepContext"/>.</summary>
internal interface IReconciliationStep
{
    string Name { get; }

    Task<StepResult> ExecuteAsync(StepContext context, CancellationToken cancellationToken);
}

/// <summary>What a step did (counts by name) and, when something is left over, a warning in Japanese.</summary>
internal sealed record StepResult(IReadOnlyDictionary<string, long> Counts, string? Warning = null);
