using System.Text.Json;
using MiddleServerValidation.Contracts;
using MiddleServerValidation.Domain;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.Notices;
using Npgsql;
using NpgsqlTypes;

namespace MiddleServerValidation.Processing.Notices;

/// <summary>
/// The one owner of the notice outbox (<c>notices</c>). A notice is built here, written in the same transaction as
/// the records it speaks of, and that transaction wakes the dispatchers at commit; dispatchers claim rows for a
/// lease, publish them with no transaction open, and mark them sent (or give them back). A crash anywhere loses
/// nothing: an unsent row is claimed again once its lease runs out, and its id is the same (at-least-once).
/// </summary>
public static class NoticeOutbox
{
    /// <summary>The PostgreSQL notification channel a committing writer wakes the dispatchers on.</summary>
    public const string WakeChannel = "registration_notices";

    /// <summary>The notice an insurer receives about its own record; its id from <see cref="NoticeIds"/> unless given.</summary>
    /// <param name="version">The version it speaks of; null when nothing was stored (a refusal).</param>
    /// <param name="state">The record's state after it (<see cref="RegistrationStates"/>); null when nothing was stored.</param>
    /// <param name="operation">The operation it answers; null for a registration.</param>
    public static RegistrationNotice Notice(
        string insurerNumber, string registrationId, string? batchId, Outcome outcome, IReadOnlyList<Reason> reasons,
        string? personalNumberMasked, DateTimeOffset issuedAt, Guid? noticeId = null, int? version = null, string? state = null,
        string? operation = null) => new()
    {
        NoticeId = noticeId ?? NoticeIds.OfDecision(insurerNumber, registrationId, outcome, version ?? 1),
        RegistrationId = registrationId,
        BatchId = batchId,
        InsurerNumber = insurerNumber,
        Outcome = outcome.ToString(),
        Reasons = reasons.Select(ToNoticeReason).ToArray(),
        PersonalNumberMasked = personalNumberMasked,
        IssuedAt = issuedAt,
        Version = version,
        State = state,
        Operation = operation,
    };

    /// <summary>The outbox row of a notice about the stored registration <paramref name="registration"/> (null: a message not stored).</summary>
    public static OutboxNotice Row(Guid? registration, RegistrationNotice notice, DateTimeOffset now) => new()
    {
        NoticeId = notice.NoticeId,
        RegistrationId = registration,
        InsurerNumber = notice.InsurerNumber,
        Outcome = notice.Outcome,
        PayloadJson = JsonSerializer.Serialize(notice, StoredJson.Options),
        CreatedAt = now,
    };

    public static NoticeReason ToNoticeReason(Reason reason) =>
        new() { Code = reason.Code.ToString(), Field = reason.Field, Message = reason.Message };

    /// <summary>The reasons as stored with a registration: exactly what its notice says.</summary>
    public static string ReasonsJson(IReadOnlyList<Reason> reasons) =>
        JsonSerializer.Serialize(reasons.Select(ToNoticeReason), StoredJson.Options);

    public static RegistrationNotice Read(string payloadJson) =>
        JsonSerializer.Deserialize<RegistrationNotice>(payloadJson, StoredJson.Options) ?? throw new JsonException("Empty notice payload.");

    /// <summary>
    /// Writes notices inside the caller's transaction (binary COPY) and wakes the dispatchers when it commits. The web
    /// host passes its DbContext's connection, whose transaction it has begun.
    /// </summary>
    public static async Task WriteAsync(NpgsqlConnection connection, IReadOnlyCollection<OutboxNotice> notices, CancellationToken ct)
    {
        if (notices.Count == 0)
        {
            return;
        }

        var stored = notices.Where(n => n.RegistrationId is not null).ToList();
        if (stored.Count > 0)
        {
            await using var copy = await connection.BeginBinaryImportAsync(
                "COPY notices (notice_id, registration_id, insurer_number, outcome, payload, created_at, kind) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var n in stored)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(n.NoticeId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(n.RegistrationId!.Value, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(n.InsurerNumber, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(n.Outcome, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(n.PayloadJson, NpgsqlDbType.Jsonb, ct);
                await copy.WriteAsync(n.CreatedAt, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(n.Kind, NpgsqlDbType.Varchar, ct);
            }

            await copy.CompleteAsync(ct);
        }

        // A refusal stores nothing, so a redelivered message is refused again with the same id: kept once.
        var refusals = notices.Where(n => n.RegistrationId is null).ToList();
        if (refusals.Count > 0)
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO notices (notice_id, insurer_number, outcome, payload, created_at) " +
                "SELECT * FROM unnest(@ids, @insurers, @outcomes, @payloads::jsonb[], @times) ON CONFLICT (notice_id) DO NOTHING", connection);
            insert.Parameters.AddWithValue("ids", refusals.Select(n => n.NoticeId).ToArray());
            insert.Parameters.AddWithValue("insurers", refusals.Select(n => n.InsurerNumber).ToArray());
            insert.Parameters.AddWithValue("outcomes", refusals.Select(n => n.Outcome).ToArray());
            insert.Parameters.AddWithValue("payloads", refusals.Select(n => n.PayloadJson).ToArray());
            insert.Parameters.AddWithValue("times", refusals.Select(n => n.CreatedAt).ToArray());
            await insert.ExecuteNonQueryAsync(ct);
        }

        // Delivered on commit (and dropped on rollback): wakes the dispatchers at once instead of at their next poll.
        await using var notify = new NpgsqlCommand($"NOTIFY {WakeChannel}", connection);
        await notify.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Subscribes <paramref name="listener"/> to the wake-ups; wait for them with <c>WaitAsync</c>.</summary>
    public static async Task ListenAsync(NpgsqlConnection listener, CancellationToken ct)
    {
        await using var listen = new NpgsqlCommand($"LISTEN {WakeChannel}", listener);
        await listen.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> unsent notices, oldest first, for <paramref name="lease"/>: a row another
    /// dispatcher holds is skipped until its lease runs out. Commits at once, so no lock is held while publishing.
    /// </summary>
    public static async Task<List<OutboxRow>> ClaimAsync(NpgsqlDataSource dataSource, Guid owner, TimeSpan lease, int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            WITH claimable AS (
                SELECT notice_id FROM notices
                WHERE dispatched_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
                ORDER BY created_at
                LIMIT @limit
                FOR UPDATE SKIP LOCKED)
            UPDATE notices n SET claimed_until = now() + @lease, claimed_by = @owner
            FROM claimable WHERE n.notice_id = claimable.notice_id
            RETURNING n.notice_id, n.insurer_number, n.payload::text, n.registration_id, n.outcome, n.created_at, n.kind, n.seq
            """);
        command.Parameters.AddWithValue("limit", limit);
        command.Parameters.AddWithValue("lease", lease);
        command.Parameters.AddWithValue("owner", owner);
        var rows = new List<OutboxRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new OutboxRow(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetString(6), reader.GetInt64(7)));
        }

        rows.Sort((a, b) => a.CreatedAt.CompareTo(b.CreatedAt));
        return rows;
    }

    /// <summary>Marks notices sent (or, for a superseded Pending notice, done without sending).</summary>
    public static async Task MarkSentAsync(NpgsqlDataSource dataSource, IReadOnlyCollection<Guid> noticeIds, CancellationToken ct)
    {
        if (noticeIds.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(
            "UPDATE notices SET dispatched_at = now(), claimed_until = NULL, claimed_by = NULL WHERE notice_id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", noticeIds.ToArray());
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Gives back notices this dispatcher claimed but could not send, for any dispatcher to claim at once.</summary>
    public static async Task ReleaseAsync(NpgsqlDataSource dataSource, Guid owner, IReadOnlyCollection<Guid> noticeIds, CancellationToken ct)
    {
        if (noticeIds.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(
            "UPDATE notices SET claimed_until = NULL, claimed_by = NULL WHERE notice_id = ANY(@ids) AND claimed_by = @owner AND dispatched_at IS NULL");
        command.Parameters.AddWithValue("ids", noticeIds.ToArray());
        command.Parameters.AddWithValue("owner", owner);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>How far the dispatchers are behind: unsent notices and the age of the oldest (null when none).</summary>
    public static async Task<(long Unsent, TimeSpan? OldestAge)> LagAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT count(*), now() - min(created_at) FROM notices WHERE dispatched_at IS NULL");
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<TimeSpan>(1));
    }
}

/// <summary>A claimed outbox row: a notice to its insurer, or a state event (<see cref="Kind"/>) with its place in the outbox.</summary>
public sealed record OutboxRow(
    Guid NoticeId, string InsurerNumber, string PayloadJson, Guid? RegistrationId, string Outcome, DateTimeOffset CreatedAt,
    string Kind = OutboxKinds.Notice, long Seq = 0)
{
    public bool IsNotice => Kind == OutboxKinds.Notice;
}
