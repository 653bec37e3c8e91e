namespace MiddleServerValidation.Contracts;

/// <summary>
/// The claim check of an uploaded batch file (queue <c>registration-batches</c>): its rows are in the
/// database, so one message stands for the whole file. Internal to the service: insurers upload over HTTP.
/// Sent again to continue a long batch, or to resume one a crashed worker left; the batch's checkpoint makes
/// every delivery after the first harmless.
/// </summary>
public sealed record ProcessBatch
{
    public Guid BatchId { get; init; }
}
