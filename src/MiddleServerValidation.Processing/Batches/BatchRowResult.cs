using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain;
using MiddleServerValidation.Processing.Decisions;
using MiddleServerValidation.Processing.Notices;
using MiddleServerValidation.Processing.Storage;
using Npgsql;
using NpgsqlTypes;

namespace MiddleServerValidation.Processing.Batches;

/// <summary>
/// One line of a batch's results. A stored registration carries only its id (its reasons are the registration's,
/// and its outcome may still move on from Pending); a row never stored carries its own reasons.
/// </summary>
internal sealed record BatchRowResult(int RowNo, string? RegistrationId, Guid? Registration, string Outcome, IReadOnlyList<Reason>? Reasons)
{
    public static BatchRowResult Rejected(StagedRow row, IReadOnlyList<Reason> reasons) =>
        new(row.RowNo, row.RegistrationId?.Trim(), null, Outcomes.Rejected, reasons);

    public static async Task WriteAsync(NpgsqlConnection connection, Guid batchId, IReadOnlyList<BatchRowResult> results, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY batch_results (batch_id, row_no, registration_id, registration, outcome, reasons) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var result in results)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(batchId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(result.RowNo, NpgsqlDbType.Integer, ct);
            await copy.WriteNullableAsync(result.RegistrationId, NpgsqlDbType.Text, ct);
            await copy.WriteNullableAsync(result.Registration, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(result.Outcome, NpgsqlDbType.Varchar, ct);
            await copy.WriteNullableAsync(result.Reasons is null ? null : NoticeOutbox.ReasonsJson(result.Reasons), NpgsqlDbType.Jsonb, ct);
        }

        await copy.CompleteAsync(ct);
    }
}
