using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.Operations;
using MiddleServerValidation.Persistence.Notices;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Reconciliation.Runs;
using MiddleServerValidation.Processing.Decisions;
using MiddleServerValidation.Processing.Notices;
using MiddleServerValidation.Processing.States;
using MiddleServerValidation.Processing.Storage;
using Npgsql;

namespace MiddleServerValidation.Reconciliation.Recheck;

/// <summary>
/// Writes one batch's new findings (binary COPY), turns the Accepted registrations they concern Suspected, and
/// puts a notice to each registration's insurer in the outbox; the batch's last transaction saves the checkpoint.
/// </summary>
internal static class RecheckWriter
{
    // Each transaction holds one advisory lock per number it writes; PostgreSQL's lock table is finite
    // (max_locks_per_transaction × max_connections), so a batch with many findings is written in parts.
    private const int NumbersPerTransaction = 500;

    public static async Task WriteAsync(
        NpgsqlDataSource dataSource, StepContext context, RecheckResult result, byte[] checkpoint, RecheckCounts counts,
        DateTimeOffset now, CancellationToken ct)
    {
        // A crash between parts redoes the batch on resume; what was written is then found by its identity, not raised again.
        var parts = result.New.GroupBy(n => PersonalNumberProtector.LockKeyOf(n.Row.NumberKey))
            .Chunk(NumbersPerTransaction).Select(numbers => numbers.SelectMany(n => n).ToList()).DefaultIfEmpty([]).ToList();
        for (var i = 0; i < parts.Count; i++)
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await WriteFindingsAsync(connection, parts[i], now, ct);
            if (i == parts.Count - 1)
            {
                await RunStore.SaveCheckpointAsync(connection, context.Run.Id, context.Step, checkpoint, counts.ToDictionary(), ct);
            }

            await transaction.CommitAsync(ct);
        }
    }

    private static async Task WriteFindingsAsync(NpgsqlConnection connection, List<NewFinding> found, DateTimeOffset now, CancellationToken ct)
    {
        if (found.Count == 0)
        {
            return;
        }

        // The decision step's per-number locks: a registration of these numbers decides before or after us, never during.
        await NumberLocks.AcquireForTransactionAsync(connection, found.Select(n => n.Row.NumberKey), ct);
        // The groups were read without them: a record its insurer corrected or withdrew since then no longer counts.
        var retired = await RetiredAsync(connection, found.SelectMany(n => n.Finding.ConflictingRegistrationIds.Append(n.Row.Id)).Distinct().ToArray(), ct);
        found = found.Where(n => !retired.Contains(n.Row.Id) && !n.Finding.ConflictingRegistrationIds.Any(retired.Contains)).ToList();
        if (found.Count == 0)
        {
            return;
        }

        var findings = found.SelectMany(n => DecisionRows.Findings(n.Row.Id, n.Row.InsurerNumber, [n.Finding], now));
        await ChunkWrite.WriteFindingsAsync(connection, findings, ct);
        await MarkSuspectedAsync(connection, found.Where(n => n.TurnsSuspected).ToList(), ct);
        var notices = found.Select(n => RecheckNotices.Create(n, now)).ToList();
        notices.AddRange(await HoldAsync(connection, found, now, ct));
        await NoticeOutbox.WriteAsync(connection, notices, ct);
    }

    private static async Task<HashSet<Guid>> RetiredAsync(NpgsqlConnection connection, Guid[] ids, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT id FROM registrations WHERE id = ANY(@ids) AND retired_at IS NOT NULL", connection);
        command.Parameters.AddWithValue("ids", ids);
        var retired = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            retired.Add(reader.GetGuid(0));
        }

        return retired;
    }

    /// <summary>A record with a new open finding is held (閲覧停止); the ones that were not are announced.</summary>
    private static async Task<List<OutboxNotice>> HoldAsync(NpgsqlConnection connection, List<NewFinding> found, DateTimeOffset now, CancellationToken ct)
    {
        var held = RegistrationStateRule.Of(Outcome.Suspected, openFindings: 1, withdrawn: false, superseded: false);
        await using var command = new NpgsqlCommand(
            "WITH changed AS (SELECT id, state AS before FROM registrations WHERE id = ANY(@ids) AND state <> @held FOR UPDATE) " +
            "UPDATE registrations r SET state = @held FROM changed WHERE r.id = changed.id RETURNING r.id, changed.before, r.version, r.outcome", connection);
        command.Parameters.AddWithValue("ids", found.Select(n => n.Row.Id).Distinct().ToArray());
        command.Parameters.AddWithValue("held", held);
        var byId = found.GroupBy(n => n.Row.Id).ToDictionary(g => g.Key, g => g.ToList());
        var events = new List<OutboxNotice>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var rows = byId[reader.GetGuid(0)];
            var row = rows[0].Row;
            events.Add(StateEvents.Row(row.InsurerNumber, row.RegistrationId, row.Id, reader.GetInt32(2), held, reader.GetString(1), reader.GetString(3),
                StateEvents.Causes.Rechecked, rows.Select(n => n.Finding.Code.ToString()).ToArray(), rows[0].PersonalNumberMasked, now));
        }

        return events;
    }

    private static async Task MarkSuspectedAsync(NpgsqlConnection connection, List<NewFinding> turning, CancellationToken ct)
    {
        if (turning.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            "UPDATE registrations r SET outcome = 'Suspected', reasons = u.reasons::jsonb, rule_set_version = u.rules " +
            "FROM unnest(@ids, @reasons, @rules) AS u(id, reasons, rules) WHERE r.id = u.id AND r.outcome = 'Accepted'", connection);
        command.Parameters.AddWithValue("ids", turning.Select(n => n.Row.Id).ToArray());
        command.Parameters.AddWithValue("reasons", turning.Select(n => NoticeOutbox.ReasonsJson(n.Decision.Reasons)).ToArray());
        command.Parameters.AddWithValue("rules", turning.Select(n => n.Finding.RuleSetVersion).ToArray());
        await command.ExecuteNonQueryAsync(ct);
    }
}
