using Npgsql;
using RabbitMQ.Client;

namespace MiddleServerValidation.Benchmarks.Faults;

/// <summary>
/// What became of one fault's registrations once it is over: each stored once with one final outcome and one final notice
/// id, its notices dispatched, and the notice on the insurer's queue (a copy more, with the same id, is allowed: the broker
/// may deliver twice).
/// </summary>
internal static class FaultAudit
{
    private static readonly string[] Final = ["Accepted", "Rejected", "Suspected"];

    /// <summary>Waits until every registration has settled, or <paramref name="timeout"/> has passed, then counts.</summary>
    public static async Task<AuditFigures> WaitAsync(string connectionString, IReadOnlyList<string> ids, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        List<Row> rows;
        while (true)
        {
            rows = await ReadAsync(connectionString, ids, cancellationToken);
            var settled = rows.Count == ids.Count && rows.All(r => Final.Contains(r.Outcome) && r.Unsent == 0 && r.FinalNotices == 1);
            if (settled || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(250, cancellationToken);
        }

        var expected = rows.Where(r => r.NoticeId is not null).Select(r => r.NoticeId!).ToHashSet();
        var deliveries = await DrainNoticesAsync(expected, deadline + TimeSpan.FromSeconds(30), cancellationToken);
        return new AuditFigures(
            Stored: rows.Select(r => r.RegistrationId).Distinct().Count(),
            StoredTwice: rows.Count - rows.Select(r => r.RegistrationId).Distinct().Count(),
            FinalOutcomes: rows.Count(r => Final.Contains(r.Outcome) && r.FinalNotices >= 1),
            DoubledOutcomes: rows.Sum(r => Math.Max(0, r.FinalNotices - 1)),
            Undispatched: rows.Sum(r => r.Unsent),
            NoticesDelivered: deliveries.Count,
            NoticeCopies: deliveries.Values.Sum(n => n - 1));
    }

    public static async Task<bool> AnyStoredAsync(string connectionString, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT FROM registrations WHERE registration_id = ANY(@ids))", connection);
            command.Parameters.AddWithValue("ids", ids.ToArray());
            return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (NpgsqlException)
        {
            // The database is away: nothing decided yet.
            return false;
        }
    }

    /// <summary>Takes every notice off the insurer's queue; counts the deliveries of each expected notice id.</summary>
    private static async Task<Dictionary<string, int>> DrainNoticesAsync(HashSet<string> expected, DateTime deadline, CancellationToken cancellationToken)
    {
        var deliveries = new Dictionary<string, int>();
        var factory = new ConnectionFactory { UserName = "guest", Password = "guest" };
        await using var connection = await factory.CreateConnectionAsync(FaultStack.Nodes, "fault audit", cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var queue = MiddleServerValidation.Contracts.QueueNames.Notices(FaultStack.Insurer);
        while (!expected.All(deliveries.ContainsKey) && DateTime.UtcNow < deadline)
        {
            var message = await channel.BasicGetAsync(queue, autoAck: true, cancellationToken);
            if (message is null)
            {
                await Task.Delay(200, cancellationToken);
                continue;
            }

            if (message.BasicProperties.MessageId is { } id && expected.Contains(id))
            {
                deliveries[id] = deliveries.GetValueOrDefault(id) + 1;
            }
        }

        // Copies the broker delivers a second time come right after the first: take what is left.
        for (var message = await channel.BasicGetAsync(queue, true, cancellationToken); message is not null; message = await channel.BasicGetAsync(queue, true, cancellationToken))
        {
            if (message.BasicProperties.MessageId is { } id && expected.Contains(id))
            {
                deliveries[id] = deliveries.GetValueOrDefault(id) + 1;
            }
        }

        return deliveries;
    }

    private static async Task<List<Row>> ReadAsync(string connectionString, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                """
                SELECT r.registration_id, r.outcome,
                       (SELECT count(*) FROM notices n WHERE n.registration_id = r.id AND n.kind = 'notice' AND n.outcome <> 'Pending')::int,
                       (SELECT count(*) FROM notices n WHERE n.registration_id = r.id AND n.dispatched_at IS NULL)::int,
                       (SELECT min(n.notice_id::text) FROM notices n WHERE n.registration_id = r.id AND n.kind = 'notice' AND n.outcome <> 'Pending')
                FROM registrations r
                WHERE r.insurer_number = @insurer AND r.registration_id = ANY(@ids)
                """, connection);
            command.Parameters.AddWithValue("insurer", FaultStack.Insurer);
            command.Parameters.AddWithValue("ids", ids.ToArray());
            var rows = new List<Row>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new Row(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
            }

            return rows;
        }
        catch (NpgsqlException)
        {
            // The database is still coming back: nothing settled yet.
            return [];
        }
    }

    private sealed record Row(string RegistrationId, string Outcome, int FinalNotices, int Unsent, string? NoticeId);
}

/// <param name="Stored">Registrations stored (at most once each: a unique index).</param>
/// <param name="StoredTwice">Rows beyond one per registration (must be 0).</param>
/// <param name="FinalOutcomes">Registrations with a final outcome and a final notice.</param>
/// <param name="DoubledOutcomes">Final notices beyond one per registration: a registration decided twice (must be 0).</param>
/// <param name="Undispatched">Outbox rows of the stream still waiting to be sent.</param>
/// <param name="NoticesDelivered">Final notices found on the insurer's queue.</param>
/// <param name="NoticeCopies">Second deliveries of a notice id already seen (at-least-once delivery, harmless).</param>
internal sealed record AuditFigures(int Stored, int StoredTwice, int FinalOutcomes, int DoubledOutcomes, int Undispatched, int NoticesDelivered, int NoticeCopies);
