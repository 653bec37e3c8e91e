using MiddleServerValidation.Processing.Registration;
using Npgsql;

namespace MiddleServerValidation.Processing.Batches;

/// <summary>The results lines of a chunk, in row order, from the rows rejected up front and what the registration path decided.</summary>
internal static class BatchResults
{
    public static async Task<BatchRowResult[]> OfAsync(
        NpgsqlConnection connection, BatchClaim claim, BatchChunk chunk, IReadOnlyList<RegistrationResult> decided, CancellationToken ct)
    {
        var duplicates = decided.Where(r => r.Kind == RegistrationResultKind.Duplicate).Select(r => r.StoredId!.Value).ToArray();
        // A duplicate of a registration this batch stored is a registration id repeated within the file.
        var withinFile = duplicates.Length == 0 ? [] : await BatchQueries.StoredFromBatchAsync(connection, claim.BatchId, duplicates, ct);

        var lines = new BatchRowResult[chunk.Rows.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = chunk.Rejected[i]!;
        }

        for (var i = 0; i < decided.Count; i++)
        {
            var row = chunk.Rows[chunk.Decided[i]];
            var result = decided[i];
            lines[chunk.Decided[i]] = result.Kind switch
            {
                RegistrationResultKind.Decided => new BatchRowResult(row.RowNo, row.RegistrationId?.Trim(), result.StoredId, result.Outcome!, null),
                RegistrationResultKind.Duplicate => BatchRowResult.Rejected(row, [BatchRows.Duplicate(withinFile.Contains(result.StoredId!.Value))]),
                _ => BatchRowResult.Rejected(row, result.Reasons),
            };
        }

        return lines;
    }
}
