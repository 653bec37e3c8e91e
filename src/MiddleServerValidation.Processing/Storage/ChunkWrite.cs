using MiddleServerValidation.Persistence.Findings;
using MiddleServerValidation.Persistence.Notices;
using MiddleServerValidation.Persistence.Registrations;
using MiddleServerValidation.Persistence.ResidentLookups;
using MiddleServerValidation.Processing.Notices;
using Npgsql;
using NpgsqlTypes;

namespace MiddleServerValidation.Processing.Storage;

/// <summary>
/// Everything one chunk writes, inserted with binary COPY inside the caller's transaction.
/// COPY has no ON CONFLICT: a duplicate key aborts the chunk, and the caller retries it.
/// </summary>
public sealed class ChunkWrite
{
    public List<StoredRegistration> Registrations { get; } = [];
    public List<StoredFinding> Findings { get; } = [];
    public List<PendingResidentLookup> Lookups { get; } = [];
    public List<OutboxNotice> Notices { get; } = [];
    public List<Operations.OperationRows> Operations { get; } = [];

    /// <summary>Earlier registrations J-LIS shows to be wrong instead of the new ones (<see cref="Findings.SuspectRecords"/>).</summary>
    public List<Domain.CrossCheck.EarlierSuspect> Suspects { get; } = [];

    /// <summary>Numbers J-LIS's search found for records sent without one (<see cref="ResidentLookups.FoundNumbers"/>).</summary>
    public List<ResidentLookups.FoundNumberRow> FoundNumbers { get; } = [];

    public Task WriteAsync(NpgsqlConnection connection, CancellationToken cancellationToken) => WriteAsync(connection, null, null, cancellationToken);

    /// <param name="protector">
    /// Masks the numbers in the notices to the suspects' insurers and encrypts found numbers; needed only when there are either.
    /// </param>
    /// <param name="now">When the suspects are held and the numbers found.</param>
    public async Task WriteAsync(
        NpgsqlConnection connection, Persistence.PersonalData.PersonalNumberProtector? protector, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        if (Registrations.Count > 0)
        {
            await WriteRegistrationsAsync(connection, cancellationToken);
        }

        if (Findings.Count > 0)
        {
            await WriteFindingsAsync(connection, Findings, cancellationToken);
        }

        if (Lookups.Count > 0)
        {
            await WriteLookupsAsync(connection, cancellationToken);
        }

        if (Operations.Count > 0)
        {
            await MiddleServerValidation.Processing.Operations.OperationWrite.WriteAsync(connection, Operations, Operations[0].Applied.ReceivedAt, cancellationToken);
        }

        await NoticeOutbox.WriteAsync(connection, Notices, cancellationToken);
        if (Suspects.Count > 0)
        {
            await MiddleServerValidation.Processing.Findings.SuspectRecords.WriteAsync(connection, Suspects,
                protector ?? throw new InvalidOperationException("Suspects are written with the protector."),
                States.StateEvents.Causes.ResidentRegistryAnswered, now ?? DateTimeOffset.UtcNow, cancellationToken);
        }

        if (FoundNumbers.Count > 0)
        {
            await ResidentLookups.FoundNumbers.WriteAsync(connection, FoundNumbers,
                protector ?? throw new InvalidOperationException("Found numbers are written with the protector."), now ?? DateTimeOffset.UtcNow,
                cancellationToken);
        }
    }

    private async Task WriteRegistrationsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY registrations (id, insurer_number, registration_id, batch_id, personal_number_key, personal_number_cipher, " +
            "birth_date, kana_name, sex, card_symbol, card_number, branch_number, qualification_date, submitted, outcome, " +
            "reasons, resident_answer, rule_set_version, received_at, decided_at, version, state, kanji_name_cipher, address_cipher) " +
            "FROM STDIN (FORMAT BINARY)", ct);
        foreach (var r in Registrations)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(r.InsurerNumber, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.RegistrationId, NpgsqlDbType.Varchar, ct);
            await copy.WriteNullableAsync(r.BatchId, NpgsqlDbType.Varchar, ct);
            await copy.WriteNullableAsync(r.PersonalNumberKey, NpgsqlDbType.Bytea, ct);
            await copy.WriteNullableAsync(r.PersonalNumberCipher, NpgsqlDbType.Bytea, ct);
            await copy.WriteNullableAsync(r.BirthDate, NpgsqlDbType.Date, ct);
            await copy.WriteNullableAsync(r.KanaName, NpgsqlDbType.Text, ct);
            await copy.WriteNullableAsync(r.Sex, NpgsqlDbType.Smallint, ct);
            await copy.WriteNullableAsync(r.CardSymbol, NpgsqlDbType.Text, ct);
            await copy.WriteNullableAsync(r.CardNumber, NpgsqlDbType.Text, ct);
            await copy.WriteNullableAsync(r.BranchNumber, NpgsqlDbType.Text, ct);
            await copy.WriteNullableAsync(r.QualificationDate, NpgsqlDbType.Date, ct);
            await copy.WriteNullableAsync(r.SubmittedJson, NpgsqlDbType.Jsonb, ct);
            await copy.WriteAsync(r.Outcome, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.ReasonsJson, NpgsqlDbType.Jsonb, ct);
            await copy.WriteNullableAsync(r.ResidentAnswerJson, NpgsqlDbType.Jsonb, ct);
            await copy.WriteAsync(r.RuleSetVersion, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(r.ReceivedAt, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(r.DecidedAt, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(r.Version, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(r.State, NpgsqlDbType.Varchar, ct);
            await copy.WriteNullableAsync(r.KanjiNameCipher, NpgsqlDbType.Bytea, ct);
            await copy.WriteNullableAsync(r.AddressCipher, NpgsqlDbType.Bytea, ct);
        }

        await copy.CompleteAsync(ct);
    }

    public static async Task WriteFindingsAsync(NpgsqlConnection connection, IEnumerable<StoredFinding> findings, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY findings (id, registration_id, insurer_number, code, rule_id, rule_set_version, differences, " +
            "conflicting_registration_ids, status, created_at) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var f in findings)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(f.Id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(f.RegistrationId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(f.InsurerNumber, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(f.Code, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(f.RuleId, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(f.RuleSetVersion, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(f.DifferencesJson, NpgsqlDbType.Jsonb, ct);
            await copy.WriteAsync(f.ConflictingRegistrationIds, NpgsqlDbType.Array | NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(f.Status, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(f.CreatedAt, NpgsqlDbType.TimestampTz, ct);
        }

        await copy.CompleteAsync(ct);
    }

    private async Task WriteLookupsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY resident_lookups (registration_id, status, attempts, next_attempt_at, last_error, created_at, completed_at) " +
            "FROM STDIN (FORMAT BINARY)", ct);
        foreach (var l in Lookups)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(l.RegistrationId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(l.Status, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(l.Attempts, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(l.NextAttemptAt, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteNullableAsync(l.LastError, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(l.CreatedAt, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteNullableAsync(l.CompletedAt, NpgsqlDbType.TimestampTz, ct);
        }

        await copy.CompleteAsync(ct);
    }
}
