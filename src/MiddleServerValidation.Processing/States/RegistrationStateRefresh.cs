using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.Operations;
using MiddleServerValidation.Domain.PersonalNumbers;
using MiddleServerValidation.Persistence.Findings;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Processing.Notices;
using Npgsql;

namespace MiddleServerValidation.Processing.States;

/// <summary>
/// Brings a registration version's state in line with <see cref="RegistrationStateRule"/> after its findings changed
/// outside the decision step (a member of staff dismissed, confirmed or reopened a case), in the caller's transaction,
/// and announces the change. A retired version is left as it is.
/// </summary>
public sealed class RegistrationStateRefresh(PersonalNumberProtector protector)
{
    /// <returns>The new state when it changed; null when it did not.</returns>
    public async Task<string?> RefreshAsync(NpgsqlConnection connection, Guid versionId, string cause, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT r.insurer_number, r.registration_id, r.version, r.outcome, r.state, r.retired_at IS NOT NULL, r.personal_number_cipher, " +
            "ARRAY(SELECT f.code FROM findings f WHERE f.registration_id = r.id AND f.status = ANY(@holding)) " +
            "FROM registrations r WHERE r.id = @id FOR UPDATE", connection);
        command.Parameters.AddWithValue("id", versionId);
        command.Parameters.AddWithValue("holding", FindingStatuses.Holding.ToArray());
        string insurer, registrationId, outcome, before;
        int version;
        byte[]? cipher;
        string[] open;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct) || reader.GetBoolean(5))
            {
                return null;
            }

            (insurer, registrationId, version, outcome, before) = (reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4));
            cipher = reader.IsDBNull(6) ? null : reader.GetFieldValue<byte[]>(6);
            open = reader.GetFieldValue<string[]>(7);
        }

        var state = RegistrationStateRule.Of(Enum.Parse<Outcome>(outcome), open.Length, withdrawn: false, superseded: false);
        if (state == before)
        {
            return null;
        }

        await using (var update = new NpgsqlCommand("UPDATE registrations SET state = @state WHERE id = @id", connection))
        {
            update.Parameters.AddWithValue("state", state);
            update.Parameters.AddWithValue("id", versionId);
            await update.ExecuteNonQueryAsync(ct);
        }

        var masked = cipher is null ? null
            : PersonalNumber.Parse(protector.Decrypt(cipher, PersonalDataBinding.Registration(insurer, registrationId))) is { IsValid: true } number ? number.Value.Masked : null;
        await NoticeOutbox.WriteAsync(connection, [StateEvents.Row(insurer, registrationId, versionId, version, state, before, outcome, cause, open, masked, now)], ct);
        return state;
    }
}
