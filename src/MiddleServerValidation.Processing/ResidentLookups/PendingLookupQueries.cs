using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Domain.Registration;
using MiddleServerValidation.Domain.PersonalNumbers;
using MiddleServerValidation.Domain.KanaNames;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Processing.Notices;
using Npgsql;

namespace MiddleServerValidation.Processing.ResidentLookups;

internal static class PendingLookupQueries
{
    /// <summary>
    /// Claims due lookups by pushing their next attempt past a lease (a crashed claimer's rows come back
    /// after it), and returns what is needed to decide their registrations. Commits on its own, so no
    /// row lock is held while J-LIS is asked.
    /// </summary>
    public static async Task<List<DueLookup>> ClaimDueAsync(NpgsqlConnection connection, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            WITH claimed AS (
                SELECT registration_id FROM resident_lookups
                WHERE status = 'Pending' AND next_attempt_at <= @now
                ORDER BY next_attempt_at
                LIMIT @limit
                FOR UPDATE SKIP LOCKED)
            UPDATE resident_lookups l SET next_attempt_at = @leased
            FROM claimed JOIN registrations r ON r.id = claimed.registration_id
            WHERE l.registration_id = claimed.registration_id
            RETURNING r.id, l.attempts, r.insurer_number, r.registration_id, r.batch_id, r.personal_number_key, r.personal_number_cipher,
                      r.birth_date, r.kana_name, r.sex, r.card_symbol, r.card_number, r.branch_number, r.qualification_date, r.version, r.state,
                      r.kanji_name_cipher, r.address_cipher
            """, connection);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("leased", now + lease);
        command.Parameters.AddWithValue("limit", limit);
        var due = new List<DueLookup>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            due.Add(new DueLookup(
                reader.GetGuid(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetFieldValue<byte[]>(5), reader.GetFieldValue<byte[]>(6),
                reader.GetFieldValue<DateOnly>(7), reader.GetString(8),
                reader.IsDBNull(9) ? null : (Sex)reader.GetInt16(9),
                reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.IsDBNull(12) ? null : reader.GetString(12),
                reader.IsDBNull(13) ? null : reader.GetFieldValue<DateOnly>(13), reader.GetInt32(14), reader.GetString(15),
                reader.IsDBNull(16) ? null : reader.GetFieldValue<byte[]>(16), reader.IsDBNull(17) ? null : reader.GetFieldValue<byte[]>(17)));
        }

        return due;
    }

    /// <summary>
    /// Of the claimed lookups, those still pending: another retrier may have decided one after this claim's lease ran
    /// out. Read under the numbers' locks, which every decider of these registrations takes, so it stays true until commit.
    /// </summary>
    public static async Task<HashSet<Guid>> StillPendingAsync(NpgsqlConnection connection, Guid[] ids, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT registration_id FROM resident_lookups WHERE registration_id = ANY(@ids) AND status = 'Pending'", connection);
        command.Parameters.AddWithValue("ids", ids);
        var pending = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            pending.Add(reader.GetGuid(0));
        }

        return pending;
    }

    public static async Task PostponeAsync(NpgsqlConnection connection, DueLookup item, DateTimeOffset next, string cause, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE resident_lookups SET attempts = attempts + 1, next_attempt_at = @next, last_error = @cause WHERE registration_id = @id",
            connection);
        command.Parameters.AddWithValue("next", next);
        command.Parameters.AddWithValue("cause", cause);
        command.Parameters.AddWithValue("id", item.Id);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task CompleteAsync(
        NpgsqlConnection connection, DueLookup item, Decision decision, string state, string? answerJson, DateTimeOffset now, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(
                    "UPDATE registrations SET outcome = @outcome, reasons = @reasons::jsonb, resident_answer = @answer::jsonb, decided_at = @now, " +
                    "state = @state WHERE id = @id")
                {
                    Parameters =
                    {
                        new("outcome", decision.Outcome.ToString()),
                        new("reasons", NoticeOutbox.ReasonsJson(decision.Reasons)),
                        new("answer", (object?)answerJson ?? DBNull.Value),
                        new("now", now),
                        new("state", state),
                        new("id", item.Id),
                    },
                },
                new NpgsqlBatchCommand(
                    "UPDATE resident_lookups SET status = 'Completed', attempts = attempts + 1, completed_at = @now, last_error = NULL " +
                    "WHERE registration_id = @id")
                {
                    Parameters = { new("now", now), new("id", item.Id) },
                },
            },
        };
        await batch.ExecuteNonQueryAsync(ct);
    }
}

internal sealed record DueLookup(
    Guid Id, int Attempts, string InsurerNumber, string RegistrationId, string? BatchId, byte[] NumberKey, byte[] NumberCipher,
    DateOnly BirthDate, string KanaName, Sex? Sex, string? CardSymbol, string? CardNumber, string? BranchNumber, DateOnly? QualificationDate,
    int Version, string State, byte[]? KanjiNameCipher = null, byte[]? AddressCipher = null)
{
    /// <summary>The stored registration as the rules see it; the number, kanji name and address are decrypted only in memory.</summary>
    public Candidate ToCandidate(PersonalNumberProtector protector) => new(
        InsurerNumber, RegistrationId, BatchId,
        PersonalNumber.Parse(protector.Decrypt(NumberCipher, PersonalDataBinding.Registration(InsurerNumber, RegistrationId))).Value,
        BirthDate, Domain.KanaNames.KanaName.Parse(KanaName).Value, Sex, CardSymbol, CardNumber, BranchNumber, QualificationDate,
        KanjiNameCipher is null ? null : protector.Decrypt(KanjiNameCipher, PersonalDataBinding.RegistrationField(InsurerNumber, RegistrationId, FactFields.KanjiName)),
        AddressCipher is null ? null : protector.Decrypt(AddressCipher, PersonalDataBinding.RegistrationField(InsurerNumber, RegistrationId, FactFields.Address)));
}
