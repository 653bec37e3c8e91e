using System.Text;
using System.Text.Json;
using MiddleServerValidation.BatchFiles;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.Batches;
using MiddleServerValidation.Web.InsurerKeys;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MiddleServerValidation.Web.Batches;

/// <summary>
/// <c>GET /api/v1/batches/{id}/results</c>: the results CSV of a completed batch, streamed from the database in
/// file order (memory does not grow with the batch). A row decided Pending shows its final outcome once known.
/// </summary>
internal static class BatchResultsEndpoint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IResult> GetAsync(Guid id, HttpContext http, ValidationDbContext db, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var insurer = http.User.InsurerNumber();
        var batch = await db.Set<RegistrationBatch>().AsNoTracking()
            .SingleOrDefaultAsync(b => b.Id == id && b.InsurerNumber == insurer, cancellationToken);
        if (batch is null)
        {
            return BatchProblems.NotFound();
        }

        if (batch.Status != BatchStatuses.Completed)
        {
            return BatchProblems.NotFinished(batch.Status, batch.RowsDone, batch.TotalRows);
        }

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"batch-{id}-results.csv\"";
        await WriteAsync(http.Response.Body, dataSource, id, cancellationToken);
        return Results.Empty;
    }

    private static async Task WriteAsync(Stream body, NpgsqlDataSource dataSource, Guid id, CancellationToken ct)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(false), bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(ResultsFile.HeaderLine.AsMemory(), ct);
        await using var command = dataSource.CreateCommand(
            "SELECT br.registration_id, COALESCE(r.outcome, br.outcome), COALESCE(r.reasons, br.reasons)::text " +
            "FROM batch_results br LEFT JOIN registrations r ON r.id = br.registration WHERE br.batch_id = @id ORDER BY br.row_no");
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var reasons = reader.IsDBNull(2) ? [] : JsonSerializer.Deserialize<NoticeReason[]>(reader.GetString(2), Json) ?? [];
            var line = ResultsFile.Line(
                reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1), reasons.Select(r => r.Code), reasons.Select(r => r.Message));
            await writer.WriteLineAsync(line.AsMemory(), ct);
        }
    }
}
