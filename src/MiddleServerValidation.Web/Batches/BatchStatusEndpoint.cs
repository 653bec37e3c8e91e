using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.Batches;
using MiddleServerValidation.Web.InsurerKeys;
using Microsoft.EntityFrameworkCore;

namespace MiddleServerValidation.Web.Batches;

/// <summary><c>GET /api/v1/batches/{id}</c>: status, progress and counts per outcome; another insurer's batch is not found.</summary>
internal static class BatchStatusEndpoint
{
    public static async Task<IResult> GetAsync(Guid id, HttpContext http, ValidationDbContext db, CancellationToken cancellationToken)
    {
        var insurer = http.User.InsurerNumber();
        var batch = await db.Set<RegistrationBatch>().AsNoTracking()
            .SingleOrDefaultAsync(b => b.Id == id && b.InsurerNumber == insurer, cancellationToken);
        return batch is null ? BatchProblems.NotFound() : Results.Ok(BatchStatus.Of(batch));
    }
}

/// <summary>
/// What a batch looks like to its insurer. The counts are the outcomes as the rows were decided; a row decided
/// Pending (J-LIS unreachable) shows its final outcome in the results file once J-LIS has answered.
/// </summary>
internal sealed record BatchStatus(
    Guid BatchId, string Status, string? FileName, string Encoding, int TotalRows, int RowsDone, BatchCounts Counts,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, string ResultsUrl)
{
    public static BatchStatus Of(RegistrationBatch b) => new(
        b.Id, b.Status, b.FileName, b.Encoding, b.TotalRows, b.RowsDone, new BatchCounts(b.Accepted, b.Rejected, b.Suspected, b.Pending),
        b.CreatedAt, b.StartedAt, b.CompletedAt, $"/api/v1/batches/{b.Id}/results");
}

internal sealed record BatchCounts(int Accepted, int Rejected, int Suspected, int Pending);
