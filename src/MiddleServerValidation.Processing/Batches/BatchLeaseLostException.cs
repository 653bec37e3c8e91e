namespace MiddleServerValidation.Processing.Batches;

/// <summary>
/// Another worker took the batch over (this one's claim ran out): the chunk being committed is rolled back
/// and this worker stops, so no row is decided twice.
/// </summary>
public sealed class BatchLeaseLostException(Guid batchId)
    : Exception($"Batch {batchId} is no longer claimed by this worker; stopping without committing.");
