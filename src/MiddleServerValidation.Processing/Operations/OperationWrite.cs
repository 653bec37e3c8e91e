using MiddleServerValidation.Persistence.Operations;
using MiddleServerValidation.Persistence.ResidentLookups;
using Npgsql;

namespace MiddleServerValidation.Processing.Operations;

/// <summary>
/// Writes a chunk's applied operations inside its transaction, after its new rows (a version an operation retires may
/// be one the same chunk inserted): set-based, one statement per kind of change. The log's unique key makes a
/// concurrent duplicate fail the chunk, which is then decided again and finds it applied.
/// </summary>
internal static class OperationWrite
{
    public static async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<OperationRows> operations, DateTimeOffset now, CancellationToken ct)
    {
        if (operations.Count == 0)
        {
            return;
        }

        var batch = new NpgsqlBatch(connection);
        var changes = operations.Where(o => o.Version is not null).Select(o => o.Version!).ToArray();
        if (changes.Length > 0)
        {
            batch.BatchCommands.Add(Command(
                "UPDATE registrations r SET state = u.state, retired_at = CASE WHEN u.retire THEN @now ELSE r.retired_at END " +
                "FROM unnest(@ids, @states, @retire) AS u(id, state, retire) WHERE r.id = u.id",
                ("ids", changes.Select(c => c.VersionId).ToArray()), ("states", changes.Select(c => c.State).ToArray()),
                ("retire", changes.Select(c => c.Retire).ToArray()), ("now", now)));
        }

        var closures = operations.SelectMany(o => o.Closures).ToArray();
        if (closures.Length > 0)
        {
            batch.BatchCommands.Add(Command(
                "UPDATE findings f SET status = u.status, closed_at = @now FROM unnest(@ids, @statuses) AS u(id, status) WHERE f.id = u.id",
                ("ids", closures.Select(c => c.FindingId).ToArray()), ("statuses", closures.Select(c => c.StatusAfter).ToArray()), ("now", now)));
            batch.BatchCommands.Add(Command(
                "INSERT INTO case_events (finding_id, kind, actor, occurred_at, status_before, status_after, reason_category, note, notice_id) " +
                "SELECT u.finding_id, u.kind, u.actor, @now, u.before, u.after, u.category, u.note, u.notice " +
                "FROM unnest(@findings, @kinds, @actors, @befores, @afters, @categories, @notes, @notices) " +
                "AS u(finding_id, kind, actor, before, after, category, note, notice)",
                ("findings", closures.Select(c => c.FindingId).ToArray()), ("kinds", closures.Select(c => c.EventKind).ToArray()),
                ("actors", closures.Select(c => c.Actor).ToArray()), ("befores", closures.Select(c => c.StatusBefore).ToArray()),
                ("afters", closures.Select(c => c.StatusAfter).ToArray()), ("categories", closures.Select(c => c.ReasonCategory).ToArray()),
                ("notes", closures.Select(c => c.Note).ToArray()), ("notices", closures.Select(c => c.NoticeId).ToArray()), ("now", now)));
        }

        // An answer suppresses each pair it names, as a member of staff's dismissal does (a J-LIS finding's pair is the record alone).
        var pairs = operations.Where(o => o.Suppress).SelectMany(o => o.Closures)
            .SelectMany(c => (c.ConflictingRegistrationIds.Length == 0 ? [null] : c.ConflictingRegistrationIds.Select(id => (Guid?)id)).Select(other => (c, other)))
            .ToArray();
        if (pairs.Length > 0)
        {
            batch.BatchCommands.Add(Command(
                "INSERT INTO finding_suppressions (code, registration_id, other_registration_id, finding_id, reason_category, reason, created_by, created_at) " +
                "SELECT * FROM unnest(@codes, @registrations, @others, @findings, @categories, @reasons, @actors, @times) ON CONFLICT DO NOTHING",
                ("codes", pairs.Select(p => p.c.Code).ToArray()), ("registrations", pairs.Select(p => p.c.RegistrationId).ToArray()),
                ("others", pairs.Select(p => p.other).ToArray()), ("findings", pairs.Select(p => p.c.FindingId).ToArray()),
                ("categories", pairs.Select(p => p.c.ReasonCategory ?? "").ToArray()), ("reasons", pairs.Select(p => p.c.Note ?? "").ToArray()),
                ("actors", pairs.Select(p => p.c.Actor).ToArray()), ("times", pairs.Select(_ => now).ToArray())));
        }

        var cancelled = operations.Where(o => o.CancelLookupOf is not null).Select(o => o.CancelLookupOf!.Value).ToArray();
        if (cancelled.Length > 0)
        {
            batch.BatchCommands.Add(Command(
                $"UPDATE resident_lookups SET status = '{ResidentLookupStatuses.Cancelled}', completed_at = @now " +
                $"WHERE registration_id = ANY(@ids) AND status = '{ResidentLookupStatuses.Pending}'",
                ("ids", cancelled), ("now", now)));
        }

        var log = operations.Select(o => o.Applied).ToArray();
        batch.BatchCommands.Add(Command(
            "INSERT INTO registration_operations (id, insurer_number, registration_id, operation, operation_key, version_id, replaced_version_id, " +
            "reason, note, outcome, notice_id, findings_closed, received_at) " +
            "SELECT * FROM unnest(@ids, @insurers, @registrations, @operations, @keys, @versions, @replaced, @reasons, @notes, @outcomes, @notices, @closed, @times)",
            ("ids", log.Select(a => a.Id).ToArray()), ("insurers", log.Select(a => a.InsurerNumber).ToArray()),
            ("registrations", log.Select(a => a.RegistrationId).ToArray()), ("operations", log.Select(a => a.Operation).ToArray()),
            ("keys", log.Select(a => a.OperationKey).ToArray()), ("versions", log.Select(a => a.VersionId).ToArray()),
            ("replaced", log.Select(a => a.ReplacedVersionId).ToArray()), ("reasons", log.Select(a => a.Reason).ToArray()),
            ("notes", log.Select(a => a.Note).ToArray()), ("outcomes", log.Select(a => a.Outcome).ToArray()),
            ("notices", log.Select(a => a.NoticeId).ToArray()), ("closed", log.Select(a => a.FindingsClosed).ToArray()),
            ("times", log.Select(a => a.ReceivedAt).ToArray())));

        await using (batch)
        {
            await batch.ExecuteNonQueryAsync(ct);
        }
    }

    private static NpgsqlBatchCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, value));
        }

        return command;
    }
}
