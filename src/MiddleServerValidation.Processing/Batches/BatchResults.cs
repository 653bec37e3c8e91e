using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain;
using MiddleServerValidation.Processing.Decisions;
using Npgsql;

namespace MiddleServerValidation.Processing.Batches;

/// <summary>The results lines of a chunk, in row order, from the rows rejected up front and what the decision step decided.</summary>
internal static class BatchResults
{
    public static async Task<BatchRowResult[]> OfAsync(
        NpgsqlConnection connection, BatchClaim claim, BatchChunk chunk, IReadOnlyList<RegistrationResult> decided, CancellationToken ct)
    {
        var withinFile = await WithinFileAsync(connection, claim, decided, ct);
        var lines = new BatchRowResult[chunk.Rows.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = chunk.Rejected[i]!;
        }

        for (var i = 0; i < decided.Count; i++)
        {
            lines[chunk.Decided[i]] = Line(chunk.Rows[chunk.Decided[i]], decided[i], withinFile);
        }

        return lines;
    }

    public static async Task<BatchRowResult> OfRowAsync(NpgsqlConnection connection, BatchClaim claim, StagedRow row, RegistrationResult result, CancellationToken ct) =>
        Line(row, result, await WithinFileAsync(connection, claim, [result], ct));

    private static BatchRowResult Line(StagedRow row, RegistrationResult result, HashSet<Guid> withinFile) => result.Kind switch
    {
        // A withdrawal or an answer carries its own outcome and reasons; a registration's or a correction's line points to the version.
        RegistrationResultKind.Decided when result.Outcome is Outcomes.Withdrawn or Outcomes.Answered =>
            new BatchRowResult(row.RowNo, row.RegistrationId?.Trim(), null, result.Outcome, result.Reasons),
        RegistrationResultKind.Decided => new BatchRowResult(row.RowNo, row.RegistrationId?.Trim(), result.StoredId, result.Outcome!, null),
        RegistrationResultKind.Duplicate when result.Reasons is [{ Code: ReasonCode.OperationRepeated }] => BatchRowResult.Rejected(row, result.Reasons),
        RegistrationResultKind.Duplicate => BatchRowResult.Rejected(row, [BatchRows.Duplicate(withinFile.Contains(result.StoredId!.Value))]),
        _ => BatchRowResult.Rejected(row, result.Reasons),
    };

    // A duplicate of a registration this batch stored is a registration id repeated within the file.
    private static async Task<HashSet<Guid>> WithinFileAsync(
        NpgsqlConnection connection, BatchClaim claim, IReadOnlyList<RegistrationResult> decided, CancellationToken ct)
    {
        var duplicates = decided.Where(r => r.Kind == RegistrationResultKind.Duplicate).Select(r => r.StoredId!.Value).ToArray();
        return duplicates.Length == 0 ? [] : await BatchQueries.StoredFromBatchAsync(connection, claim.BatchId, duplicates, ct);
    }
}
