using MiddleServerValidation.Persistence.Batches;
using Npgsql;

namespace MiddleServerValidation.Processing.Batches;

/// <summary>The batch's claim, its staged rows, and its checkpoint.</summary>
internal static class BatchQueries
{
    /// <summary>
    /// Claims an unfinished batch for <paramref name="owner"/> unless another worker's claim still holds.
    /// Null when it is finished, unknown, or someone else's for now.
    /// </summary>
    public static async Task<BatchClaim?> ClaimAsync(NpgsqlConnection connection, Guid batchId, Guid owner, TimeSpan lease, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"""
            UPDATE batches SET status = '{BatchStatuses.Processing}', lease_owner = @owner, lease_until = now() + @lease,
                started_at = COALESCE(started_at, now()), updated_at = now()
            WHERE id = @id AND status <> '{BatchStatuses.Completed}'
              AND (lease_until IS NULL OR lease_until < now() OR lease_owner = @owner)
            RETURNING insurer_number, rows_done, total_rows
            """, connection);
        command.Parameters.AddWithValue("id", batchId);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("lease", lease);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new BatchClaim(batchId, owner, reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)) : null;
    }

    public static async Task ReleaseAsync(NpgsqlConnection connection, BatchClaim claim, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE batches SET lease_until = NULL, updated_at = now() WHERE id = @id AND lease_owner = @owner", connection);
        command.Parameters.AddWithValue("id", claim.BatchId);
        command.Parameters.AddWithValue("owner", claim.Owner);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Moves the checkpoint past a chunk, inside the chunk's transaction; completes the batch with its last chunk.</summary>
    public static async Task CheckpointAsync(
        NpgsqlConnection connection, BatchClaim claim, int previous, int done, OutcomeCounts counts, TimeSpan lease, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"""
            UPDATE batches SET rows_done = @done, accepted = accepted + @accepted, rejected = rejected + @rejected,
                suspected = suspected + @suspected, pending = pending + @pending, lease_until = now() + @lease, updated_at = now(),
                status = CASE WHEN @done >= total_rows THEN '{BatchStatuses.Completed}' ELSE status END,
                completed_at = CASE WHEN @done >= total_rows THEN now() ELSE completed_at END
            WHERE id = @id AND lease_owner = @owner AND rows_done = @previous
            """, connection);
        command.Parameters.AddWithValue("id", claim.BatchId);
        command.Parameters.AddWithValue("owner", claim.Owner);
        command.Parameters.AddWithValue("previous", previous);
        command.Parameters.AddWithValue("done", done);
        command.Parameters.AddWithValue("accepted", counts.Accepted);
        command.Parameters.AddWithValue("rejected", counts.Rejected);
        command.Parameters.AddWithValue("suspected", counts.Suspected);
        command.Parameters.AddWithValue("pending", counts.Pending);
        command.Parameters.AddWithValue("lease", lease);
        if (await command.ExecuteNonQueryAsync(ct) != 1)
        {
            throw new BatchLeaseLostException(claim.BatchId);
        }
    }

    /// <summary>
    /// Rows <paramref name="after"/>+1 .. <paramref name="after"/>+<paramref name="limit"/>. Row numbers run from 1 without
    /// gaps, so a closed range reads exactly one chunk: with "row_no &gt; after … LIMIT" a just-loaded table without
    /// statistics was planned as a sort of every remaining row, once per chunk.
    /// </summary>
    public static async Task<List<StagedRow>> ReadStagedAsync(NpgsqlConnection connection, Guid batchId, int after, int limit, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT row_no, line_no, registration_id, insurer_number, personal_number_cipher, birth_date, kana_name, sex, " +
            "card_symbol, card_number, branch_number, qualification_date, problem, operation, operation_id, operation_reason, operation_note, " +
            "kanji_name_cipher, address_cipher FROM batch_rows WHERE batch_id = @id AND row_no BETWEEN @first AND @last ORDER BY row_no", connection);
        command.Parameters.AddWithValue("id", batchId);
        command.Parameters.AddWithValue("first", after + 1);
        command.Parameters.AddWithValue("last", after + limit);
        var rows = new List<StagedRow>(limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            rows.Add(new StagedRow(
                reader.GetInt32(0), reader.GetInt32(1), Text(2), Text(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<byte[]>(4),
                Text(5), Text(6), Text(7), Text(8), Text(9), Text(10), Text(11), Text(12), Text(13), Text(14), Text(15), Text(16),
                reader.IsDBNull(17) ? null : reader.GetFieldValue<byte[]>(17), reader.IsDBNull(18) ? null : reader.GetFieldValue<byte[]>(18)));
        }

        return rows;
    }

    /// <summary>The uploaded rows are only needed until every row has its result.</summary>
    public static async Task DeleteStagedAsync(NpgsqlConnection connection, Guid batchId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("DELETE FROM batch_rows WHERE batch_id = @id", connection);
        command.Parameters.AddWithValue("id", batchId);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Removes what a worker that died between completing a batch and cleaning up left behind.</summary>
    public static async Task DeleteStagedIfCompletedAsync(NpgsqlConnection connection, Guid batchId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"DELETE FROM batch_rows WHERE batch_id = @id AND EXISTS (SELECT 1 FROM batches WHERE id = @id AND status = '{BatchStatuses.Completed}')",
            connection);
        command.Parameters.AddWithValue("id", batchId);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Of these registrations, the ones stored from this batch (a registration id repeated within the file).</summary>
    public static async Task<HashSet<Guid>> StoredFromBatchAsync(NpgsqlConnection connection, Guid batchId, Guid[] ids, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT id FROM registrations WHERE id = ANY(@ids) AND batch_id = @batch", connection);
        command.Parameters.AddWithValue("ids", ids);
        command.Parameters.AddWithValue("batch", batchId.ToString());
        var found = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found.Add(reader.GetGuid(0));
        }

        return found;
    }

    /// <summary>
    /// Unfinished batches nobody holds a claim on and nobody touched for <paramref name="idleFor"/>; marks them
    /// touched, so each is handed out again at most once per interval, by one worker.
    /// </summary>
    public static async Task<List<Guid>> TakeIdleAsync(NpgsqlConnection connection, TimeSpan idleFor, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"""
            UPDATE batches SET updated_at = now()
            WHERE id IN (
                SELECT id FROM batches
                WHERE status <> '{BatchStatuses.Completed}' AND (lease_until IS NULL OR lease_until < now()) AND updated_at <= now() - @idle
                ORDER BY created_at LIMIT 1000 FOR UPDATE SKIP LOCKED)
            RETURNING id
            """, connection);
        command.Parameters.AddWithValue("idle", idleFor);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}

/// <summary>This worker's claim on a batch, and where the batch stood when it was claimed.</summary>
internal sealed record BatchClaim(Guid BatchId, Guid Owner, string InsurerNumber, int RowsDone, int TotalRows);
