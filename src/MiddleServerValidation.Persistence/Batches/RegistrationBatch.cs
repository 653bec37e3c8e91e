namespace MiddleServerValidation.Persistence.Batches;

/// <summary>
/// A batch file an insurer uploaded: its rows wait in <c>batch_rows</c> until decided, each decided row has
/// its line in <c>batch_results</c>. <see cref="RowsDone"/> is the checkpoint, committed with each chunk's writes.
/// </summary>
public sealed class RegistrationBatch
{
    public Guid Id { get; set; }
    public required string InsurerNumber { get; set; }
    public string? FileName { get; set; }
    public required string Encoding { get; set; }
    public required string Status { get; set; }
    public int TotalRows { get; set; }
    public int RowsDone { get; set; }
    public int Accepted { get; set; }
    public int Rejected { get; set; }
    public int Suspected { get; set; }
    public int Pending { get; set; }

    /// <summary>Which worker is deciding the batch, and until when its claim holds without a new checkpoint.</summary>
    public Guid? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public static class BatchStatuses
{
    /// <summary>Uploaded and stored; waiting for a worker.</summary>
    public const string Queued = nameof(Queued);

    /// <summary>A worker is deciding its rows, chunk by chunk, in file order.</summary>
    public const string Processing = nameof(Processing);

    /// <summary>Every row has its result.</summary>
    public const string Completed = nameof(Completed);
}
