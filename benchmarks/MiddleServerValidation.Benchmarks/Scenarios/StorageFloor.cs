using System.Diagnostics;
using System.Text;
using System.Text.Json;
using MiddleServerValidation.BatchFiles;
using MiddleServerValidation.BatchFiles.Csv;
using MiddleServerValidation.Domain;
using MiddleServerValidation.Domain.CrossCheck;
using MiddleServerValidation.Domain.Dates;
using MiddleServerValidation.Domain.KanaNames;
using MiddleServerValidation.Persistence;
using MiddleServerValidation.Persistence.PersonalData;
using MiddleServerValidation.Processing.Notices;
using Npgsql;
using NpgsqlTypes;

namespace MiddleServerValidation.Benchmarks.Scenarios;

/// <summary>
/// The cost of keeping a row findable: the batch file's rows, already read and protected (HMAC key, ciphertext,
/// normalised name — done before the clock starts), written with one binary COPY into a copy of the registrations
/// table with all its columns, indexes and constraints, holding the same stored rows. No rules, no history read, no
/// notice: what any design that stores and indexes each registration pays at least.
/// </summary>
public static class StorageFloor
{
    private const string Table = "bench_storage_floor";

    private static readonly string ReasonsJson = JsonSerializer.Serialize(
        new[] { NoticeOutbox.ToNoticeReason(Reason.Of(ReasonCode.HistoryMatch)) }, StoredJson.Options);

    public static async Task<double> RowsPerSecondAsync(
        string connectionString, string file, PersonalNumberProtector protector, CancellationToken cancellationToken)
    {
        var rows = Read(file, protector);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection,
            $"DROP TABLE IF EXISTS {Table}; CREATE TABLE {Table} (LIKE registrations INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES); " +
            $"INSERT INTO {Table} SELECT * FROM registrations", cancellationToken);
        await ExecuteAsync(connection, $"VACUUM (ANALYZE) {Table}", cancellationToken);

        var clock = Stopwatch.StartNew();
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY {Table} (id, insurer_number, registration_id, personal_number_key, personal_number_cipher, birth_date, kana_name, sex, " +
            "card_symbol, card_number, branch_number, qualification_date, outcome, reasons, rule_set_version, batch_id, received_at, decided_at) " +
            "FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var row in rows)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(Guid.CreateVersion7(now), NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(row.Insurer, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(row.RegistrationId, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(row.Key, NpgsqlDbType.Bytea, cancellationToken);
                await copy.WriteAsync(row.Cipher, NpgsqlDbType.Bytea, cancellationToken);
                await copy.WriteAsync(row.BirthDate, NpgsqlDbType.Date, cancellationToken);
                await copy.WriteAsync(row.KanaName, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(row.Sex, NpgsqlDbType.Smallint, cancellationToken);
                await copy.WriteAsync(row.CardSymbol, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(row.CardNumber, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(row.BranchNumber, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(row.QualificationDate, NpgsqlDbType.Date, cancellationToken);
                await copy.WriteAsync(nameof(Outcome.Accepted), NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(ReasonsJson, NpgsqlDbType.Jsonb, cancellationToken);
                await copy.WriteAsync(CrossCheckEngine.RuleSetVersion, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync("bench-storage-floor", NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        await ExecuteAsync(connection, $"DROP TABLE {Table}", cancellationToken);
        return rows.Count / seconds;
    }

    private static List<Row> Read(string file, PersonalNumberProtector protector)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = new List<Row>();
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var csv = new CsvReader(reader);
        var header = BatchFileHeader.Parse(csv.Read()!);
        while (csv.Read() is { } record)
        {
            string Field(BatchColumn column) => header.Value(record.Fields, column) ?? "";
            var number = Field(BatchColumn.PersonalNumber);
            var insurer = Field(BatchColumn.InsurerNumber);
            var id = Field(BatchColumn.RegistrationId);
            var name = Field(BatchColumn.KanaName);
            if (!names.TryGetValue(name, out var normalized))
            {
                normalized = names[name] = KanaName.Parse(name) is { IsValid: true } parsed ? parsed.Value.Normalized : name;
            }

            rows.Add(new Row(
                insurer, id, protector.LookupKey(number), protector.Encrypt(number, PersonalDataBinding.Registration(insurer, id)),
                JapaneseDate.ParseBirthDate(Field(BatchColumn.BirthDate), today) is { IsValid: true } birth ? birth.Value : new DateOnly(1990, 1, 1),
                normalized, short.TryParse(Field(BatchColumn.Sex), out var sex) ? sex : (short)0,
                Field(BatchColumn.CardSymbol), Field(BatchColumn.CardNumber), Field(BatchColumn.BranchNumber),
                JapaneseDate.Parse(Field(BatchColumn.QualificationDate)) is { IsValid: true } qualified ? qualified.Value : today));
        }

        return rows;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record Row(
        string Insurer, string RegistrationId, byte[] Key, byte[] Cipher, DateOnly BirthDate, string KanaName, short Sex,
        string CardSymbol, string CardNumber, string BranchNumber, DateOnly QualificationDate);
}
