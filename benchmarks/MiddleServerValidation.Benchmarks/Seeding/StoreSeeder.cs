using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using MiddleServerValidation.Benchmarks.Synthetic;
using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Domain.KanaNames;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Processing.Notices;
using Npgsql;
using NpgsqlTypes;

namespace MiddleServerValidation.Benchmarks.Seeding;

/// <summary>
/// Fills <c>registrations</c> with accepted registrations of synthetic people, the way the service
/// stores them (HMAC key, AES-GCM ciphertext, normalised kana), with binary COPY over several
/// connections. Large seeds suspend the table's secondary indexes and rebuild them once at the end.
/// </summary>
public sealed class StoreSeeder(string connectionString, PersonalNumberProtector protector)
{
    private static readonly string AcceptedReasonsJson = JsonSerializer.Serialize(
        new[] { NoticeOutbox.ToNoticeReason(Reason.Of(ReasonCode.JlisConfirmed)) }, StoredJson.Options);

    private readonly ConcurrentDictionary<string, string> _normalizedNames = new(StringComparer.Ordinal);

    /// <summary>From this many rows up, secondary indexes are dropped during the COPY and rebuilt after it.</summary>
    public int IndexSuspensionThreshold { get; init; } = 200_000;

    public int Connections { get; init; } = 2;

    /// <summary>
    /// Stores <paramref name="count"/> registrations: row <c>k</c> (0-based) is <paramref name="personOf"/>(k)
    /// with registration id <paramref name="registrationIdPrefix"/> + k. Returns the elapsed time.
    /// </summary>
    public async Task<TimeSpan> SeedAsync(
        long count, Func<long, SyntheticPerson> personOf, string registrationIdPrefix, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var suspended = count >= IndexSuspensionThreshold
            ? await SuspendedIndexes.DropAsync(connectionString, "registrations", cancellationToken)
            : null;

        var parts = Math.Max(1, Connections);
        var receivedAt = DateTimeOffset.UtcNow.AddDays(-30);
        await Task.WhenAll(Enumerable.Range(0, parts).Select(part => Task.Run(() =>
        {
            var from = count * part / parts;
            var to = count * (part + 1) / parts;
            return CopyAsync(from, to, personOf, registrationIdPrefix, receivedAt, cancellationToken);
        }, cancellationToken)));

        if (suspended is not null)
        {
            await suspended.RestoreAsync(cancellationToken);
        }

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var analyze = new NpgsqlCommand("ANALYZE registrations", connection) { CommandTimeout = 0 };
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        return stopwatch.Elapsed;
    }

    private async Task CopyAsync(
        long from, long to, Func<long, SyntheticPerson> personOf, string prefix, DateTimeOffset receivedAt, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var off = new NpgsqlCommand("SET synchronous_commit = off", connection))
        {
            await off.ExecuteNonQueryAsync(ct);
        }

        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY registrations (id, insurer_number, registration_id, personal_number_key, personal_number_cipher, " +
            "birth_date, kana_name, sex, card_symbol, card_number, branch_number, qualification_date, outcome, " +
            "reasons, rule_set_version, received_at, decided_at) FROM STDIN (FORMAT BINARY)", ct);
        for (var k = from; k < to; k++)
        {
            var person = personOf(k);
            var at = receivedAt.AddSeconds(k % 2_000_000);
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(Guid.CreateVersion7(at), NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(person.InsurerNumber, NpgsqlDbType.Varchar, ct);
            var registrationId = prefix + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await copy.WriteAsync(registrationId, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(protector.LookupKey(person.PersonalNumber), NpgsqlDbType.Bytea, ct);
            await copy.WriteAsync(protector.Encrypt(person.PersonalNumber, PersonalDataBinding.Registration(person.InsurerNumber, registrationId)), NpgsqlDbType.Bytea, ct);
            await copy.WriteAsync(person.BirthDate, NpgsqlDbType.Date, ct);
            await copy.WriteAsync(NormalizedName(person.KanaName), NpgsqlDbType.Text, ct);
            await copy.WriteAsync((short)person.Sex, NpgsqlDbType.Smallint, ct);
            await copy.WriteAsync(person.CardSymbol, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(person.CardNumber, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(person.BranchNumber, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(person.QualificationDate, NpgsqlDbType.Date, ct);
            await copy.WriteAsync(nameof(Outcome.Accepted), NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(AcceptedReasonsJson, NpgsqlDbType.Jsonb, ct);
            await copy.WriteAsync(CrossCheckEngine.RuleSetVersion, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(at, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(at, NpgsqlDbType.TimestampTz, ct);
        }

        await copy.CompleteAsync(ct);
    }

    // The population has a few thousand distinct names: normalise each once, exactly as the service does.
    private string NormalizedName(string kanaName) =>
        _normalizedNames.GetOrAdd(kanaName, static name => KanaName.Parse(name).Value.Normalized);
}
