using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Domain.Operations;
using MiddleServerValidation.Domain.PersonalNumbers;
using MiddleServerValidation.Persistence.Notices;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Processing.Decisions;
using MiddleServerValidation.Processing.Notices;
using MiddleServerValidation.Processing.States;
using MiddleServerValidation.Processing.Storage;
using Npgsql;

namespace MiddleServerValidation.Processing.Findings;

/// <summary>
/// Holds stored registrations that J-LIS shows to be wrong after they were accepted: an earlier registration a new one
/// contradicts (issue 13, J-LIS decides which side is wrong), or a record the full-store check finds. Each still current
/// and Accepted record gets its finding, turns Suspected and Held, and its own insurer gets a notice about its own record
/// (the reasons name only its facts, never another insurer or what that one registered) and a state event. Runs in the
/// caller's transaction, under the numbers' locks.
/// </summary>
public static class SuspectRecords
{
    /// <returns>The ids of the records held.</returns>
    public static async Task<IReadOnlyList<Guid>> WriteAsync(
        NpgsqlConnection connection, IReadOnlyList<EarlierSuspect> suspects, PersonalNumberProtector protector, string cause, DateTimeOffset now,
        CancellationToken ct)
    {
        if (suspects.Count == 0)
        {
            return [];
        }

        var byId = suspects.GroupBy(s => s.RegistrationId).ToDictionary(g => g.Key, g => g.First());
        var rows = new List<(Guid Id, string Insurer, string RegistrationId, string? BatchId, int Version, string State, byte[]? Cipher)>();
        // Only a current, Accepted version: one corrected, withdrawn or already suspected since is left as it is. The same
        // finding twice (a check resumed, a message redelivered) is not raised again.
        await using (var command = new NpgsqlCommand(
            "SELECT r.id, r.insurer_number, r.registration_id, r.batch_id, r.version, r.state, r.personal_number_cipher FROM registrations r " +
            "WHERE r.id = ANY(@ids) AND r.retired_at IS NULL AND r.outcome = 'Accepted' " +
            "AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.registration_id = r.id AND f.rule_id = ANY(@rules) AND f.status <> 'Dismissed') " +
            "FOR UPDATE OF r", connection))
        {
            command.Parameters.AddWithValue("ids", byId.Keys.ToArray());
            command.Parameters.AddWithValue("rules", suspects.Select(s => s.Finding.RuleId).Distinct().ToArray());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add((reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetInt32(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<byte[]>(6)));
            }
        }

        if (rows.Count == 0)
        {
            return [];
        }

        var held = RegistrationStateRule.Of(Outcome.Suspected, openFindings: 1, withdrawn: false, superseded: false);
        await ChunkWrite.WriteFindingsAsync(
            connection, rows.SelectMany(r => DecisionRows.Findings(r.Id, r.Insurer, [byId[r.Id].Finding], now)), ct);
        await using (var update = new NpgsqlCommand(
            "UPDATE registrations r SET outcome = 'Suspected', state = @held, reasons = u.reasons::jsonb, decided_at = @now " +
            "FROM unnest(@ids, @reasons) AS u(id, reasons) WHERE r.id = u.id", connection))
        {
            update.Parameters.AddWithValue("held", held);
            update.Parameters.AddWithValue("now", now);
            update.Parameters.AddWithValue("ids", rows.Select(r => r.Id).ToArray());
            update.Parameters.AddWithValue("reasons", rows.Select(r => NoticeOutbox.ReasonsJson(byId[r.Id].Reasons)).ToArray());
            await update.ExecuteNonQueryAsync(ct);
        }

        var notices = new List<OutboxNotice>(rows.Count * 2);
        foreach (var row in rows)
        {
            var suspect = byId[row.Id];
            var masked = Masked(protector, row.Cipher, row.Insurer, row.RegistrationId);
            var notice = NoticeOutbox.Notice(row.Insurer, row.RegistrationId, row.BatchId, Outcome.Suspected, suspect.Reasons, masked, now,
                NoticeIds.OfPurpose(row.Insurer, row.RegistrationId, $"{suspect.Finding.RuleId}:{row.Version}:{now.ToUnixTimeMilliseconds()}"), version: row.Version, state: held);
            notices.Add(NoticeOutbox.Row(row.Id, notice, now));
            if (row.State != held)
            {
                notices.Add(StateEvents.Row(row.Insurer, row.RegistrationId, row.Id, row.Version, held, row.State, Outcome.Suspected.ToString(), cause,
                    [suspect.Finding.Code.ToString()], masked, now));
            }
        }

        await NoticeOutbox.WriteAsync(connection, notices, ct);
        return rows.Select(r => r.Id).ToArray();
    }

    private static string? Masked(PersonalNumberProtector protector, byte[]? cipher, string insurer, string registrationId) =>
        cipher is null ? null
            : PersonalNumber.Parse(protector.Decrypt(cipher, PersonalDataBinding.Registration(insurer, registrationId))) is { IsValid: true } number
                ? number.Value.Masked
                : null;
}
