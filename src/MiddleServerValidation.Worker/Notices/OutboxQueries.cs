using Npgsql;

namespace MiddleServerValidation.Worker.Notices;

internal static class OutboxQueries
{
    public static async Task<List<OutboxRow>> ClaimUndispatchedAsync(NpgsqlConnection connection, int limit, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT notice_id, insurer_number, payload::text, registration_id, outcome FROM notices WHERE dispatched_at IS NULL " +
            "ORDER BY created_at LIMIT @limit FOR UPDATE SKIP LOCKED", connection);
        command.Parameters.AddWithValue("limit", limit);
        var rows = new List<OutboxRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new OutboxRow(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetGuid(3), reader.GetString(4)));
        }

        return rows;
    }

    public static async Task MarkDispatchedAsync(NpgsqlConnection connection, Guid[] noticeIds, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("UPDATE notices SET dispatched_at = now() WHERE notice_id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", noticeIds);
        await command.ExecuteNonQueryAsync(ct);
    }
}

internal sealed record OutboxRow(Guid NoticeId, string InsurerNumber, string PayloadJson, Guid RegistrationId, string Outcome);
