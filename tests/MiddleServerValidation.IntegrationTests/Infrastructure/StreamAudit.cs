using MiddleServerValidation.Contracts;
using Npgsql;

namespace MiddleServerValidation.IntegrationTests.Infrastructure;

/// <summary>
/// What became of a stream of registrations once the faults are over: each must be stored once with one final outcome
/// and one final notice id, every notice dispatched, and that notice on the insurer's queue (a copy more is allowed: the
/// broker may deliver a notice twice, always with the same id).
/// </summary>
public static class StreamAudit
{
    private static readonly string[] Final = ["Accepted", "Rejected", "Suspected"];

    public static async Task<StreamFigures> WaitAsync(
        string connectionString, RabbitMqEndpoint noticeReader, string insurer, IReadOnlyCollection<string> registrationIds, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        List<Row> rows;
        while (true)
        {
            rows = await ReadAsync(connectionString, insurer, registrationIds);
            var settled = rows.Count == registrationIds.Count && rows.All(r => Final.Contains(r.Outcome) && r.Unsent == 0 && r.FinalNotices == 1);
            if (settled || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(250);
        }

        var expected = rows.Where(r => r.NoticeId is not null).ToDictionary(r => r.NoticeId!, r => r.RegistrationId);
        var deliveries = new Dictionary<string, int>();
        var strays = 0;
        await using (var probe = await RabbitMqProbe.ConnectAsync(noticeReader))
        {
            while (!expected.Keys.All(deliveries.ContainsKey) && DateTime.UtcNow < deadline + TimeSpan.FromSeconds(30))
            {
                foreach (var message in await probe.DrainAsync(QueueNames.Notices(insurer)))
                {
                    if (expected.ContainsKey(message.MessageId!))
                    {
                        deliveries[message.MessageId!] = deliveries.GetValueOrDefault(message.MessageId!) + 1;
                    }
                    else if (registrationIds.Contains(message.Message.GetProperty("registrationId").GetString())
                        && message.Message.GetProperty("outcome").GetString() != "Pending")
                    {
                        strays++;
                    }
                }

                await Task.Delay(200);
            }
        }

        return new StreamFigures(
            Sent: registrationIds.Count,
            Stored: rows.Count,
            FinalOutcomes: rows.Count(r => Final.Contains(r.Outcome) && r.FinalNotices == 1),
            Undispatched: rows.Sum(r => r.Unsent),
            NoticesDelivered: deliveries.Count,
            DuplicateDeliveries: deliveries.Values.Sum(n => n - 1),
            OtherNotices: strays);
    }

    private static async Task<List<Row>> ReadAsync(string connectionString, string insurer, IReadOnlyCollection<string> registrationIds)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                """
                SELECT r.registration_id, r.outcome,
                       (SELECT count(*) FROM notices n WHERE n.registration_id = r.id AND n.kind = 'notice' AND n.outcome <> 'Pending')::int,
                       (SELECT count(*) FROM notices n WHERE n.registration_id = r.id AND n.dispatched_at IS NULL)::int,
                       (SELECT min(n.notice_id::text) FROM notices n WHERE n.registration_id = r.id AND n.kind = 'notice' AND n.outcome <> 'Pending')
                FROM registrations r
                WHERE r.insurer_number = @insurer AND r.registration_id = ANY(@ids)
                """, connection);
            command.Parameters.AddWithValue("insurer", insurer);
            command.Parameters.AddWithValue("ids", registrationIds.ToArray());
            var rows = new List<Row>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
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

/// <summary>
/// The figures of one stream: <see cref="Sent"/> registrations, <see cref="Stored"/> of them stored (each at most once: the
/// unique index), <see cref="FinalOutcomes"/> with a final outcome and exactly one final notice, the notices not yet
/// dispatched, those seen on the insurer's queue, the extra copies of them, and final notices about the stream with
/// another id (a Pending notice may come first: the contract allows it).
/// </summary>
public sealed record StreamFigures(int Sent, int Stored, int FinalOutcomes, int Undispatched, int NoticesDelivered, int DuplicateDeliveries, int OtherNotices)
{
    public int Lost => Sent - FinalOutcomes;

    /// <summary>Exactly one final outcome and one notice id per registration, none lost, every notice delivered.</summary>
    public void AssertComplete()
    {
        Assert.True(
            Stored == Sent && FinalOutcomes == Sent && Undispatched == 0 && NoticesDelivered == Sent && OtherNotices == 0,
            $"Not every registration came through exactly once: {this}");
    }
}
