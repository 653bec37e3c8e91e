using MiddleServerValidation.Domain;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Processing.Reconciliation.Runs;
using MiddleServerValidation.Processing.Registration;
using MiddleServerValidation.Processing.Storage;
using Npgsql;

namespace MiddleServerValidation.Processing.Reconciliation.Recheck;

/// <summary>
/// Writes one batch's new findings (binary COPY), turns the Accepted registrations they concern Suspected,
/// puts a notice to each registration's insurer in the outbox, and saves the checkpoint, all in one transaction.
/// </summary>
internal static class RecheckWriter
{
    public static async Task WriteAsync(
        NpgsqlDataSource dataSource, StepContext context, RecheckResult result, byte[] checkpoint, RecheckCounts counts,
        DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (result.New.Count > 0)
        {
            // The registration path's per-number locks: a registration of these numbers decides before or after us, never during.
            await RegistrationLocks.AcquireAsync(connection, result.New.Select(n => PersonalNumberProtector.LockKeyOf(n.Row.NumberKey)), ct);
            var findings = result.New.SelectMany(n => DecisionRecords.Findings(
                n.Row.Id, n.Row.InsurerNumber, n.Decision with { Findings = [n.Finding] }, now));
            await ChunkWrite.WriteFindingsAsync(connection, findings, ct);
            await MarkSuspectedAsync(connection, result.New.Where(n => n.TurnsSuspected).ToList(), ct);
            await ChunkWrite.WriteNoticesAsync(connection, result.New.Select(n => RecheckNotices.Create(n, now)).ToList(), ct);
        }

        await RunStore.SaveCheckpointAsync(connection, context.Run.Id, context.Step, checkpoint, counts.ToDictionary(), ct);
        await transaction.CommitAsync(ct);
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
        command.Parameters.AddWithValue("reasons", turning.Select(n => DecisionRecords.ReasonsJson(n.Decision.Reasons)).ToArray());
        command.Parameters.AddWithValue("rules", turning.Select(n => n.Finding.RuleSetVersion).ToArray());
        await command.ExecuteNonQueryAsync(ct);
    }
}
