using MiddleServerValidation.BatchFiles;
using MiddleServerValidation.BatchFiles.Csv;
using MiddleServerValidation.Persistence.Batches;
using MiddleServerValidation.Persistence.PersonalData;
using Npgsql;
using NpgsqlTypes;

namespace MiddleServerValidation.Web.Batches;

/// <summary>
/// Streams an uploaded file straight into <c>batch_rows</c> with binary COPY, in one transaction with its
/// <c>batches</c> row: a file that turns out not to be CSV leaves nothing behind, and memory stays at one
/// buffer and one row whatever the file's size. The personal number is encrypted before it is stored.
/// </summary>
public sealed class BatchStaging(NpgsqlDataSource dataSource, PersonalNumberProtector protector, TimeProvider clock)
{
    /// <exception cref="CsvFormatException">Not CSV, a wrong header, or no data row: nothing is stored.</exception>
    /// <exception cref="TooManyBatchesException">The insurer already has <paramref name="maxInFlight"/> batches not yet decided.</exception>
    public async Task<StagedBatch> StageAsync(
        string insurerNumber, string encoding, string? fileName, Stream body, int maxInFlight, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // Counted under a lock per insurer, held until this upload commits: two uploads at once cannot both pass.
        if (await InFlightAsync(connection, insurerNumber, ct) >= maxInFlight)
        {
            throw new TooManyBatchesException(maxInFlight);
        }

        using var text = BatchEncodings.Reader(body, encoding, leaveOpen: true);
        var csv = new CsvReader(text);
        var headerRecord = await csv.ReadAsync(ct);
        var header = BatchFileHeader.Parse(headerRecord);
        var record = await csv.ReadAsync(ct)
            ?? throw new CsvFormatException(headerRecord!.Line + 1, 1, $"{headerRecord.Line + 1} 行目: データ行がありません。見出し行の次の行から 1 行に 1 件を書いてください。");

        var rows = 0;
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY batch_rows (batch_id, row_no, line_no, registration_id, insurer_number, personal_number_cipher, birth_date, kana_name, " +
            "sex, card_symbol, card_number, branch_number, qualification_date, problem, operation, operation_id, operation_reason, operation_note, " +
            "kanji_name_cipher, address_cipher) " +
            "FROM STDIN (FORMAT BINARY)", ct))
        {
            do
            {
                await WriteRowAsync(copy, id, insurerNumber, ++rows, record, header, ct);
            }
            while ((record = await csv.ReadAsync(ct)) is not null);

            await copy.CompleteAsync(ct);
        }

        await InsertBatchAsync(connection, id, insurerNumber, encoding, fileName, rows, ct);
        await transaction.CommitAsync(ct);
        return new StagedBatch(id, rows);
    }

    private static async Task<long> InFlightAsync(NpgsqlConnection connection, string insurerNumber, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT pg_advisory_xact_lock(hashtextextended('batch-intake:' || @insurer, 0)); " +
            $"SELECT count(*) FROM batches WHERE insurer_number = @insurer AND status <> '{BatchStatuses.Completed}'", connection);
        command.Parameters.AddWithValue("insurer", insurerNumber);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        return reader.GetInt64(0);
    }

    private async Task WriteRowAsync(
        NpgsqlBinaryImporter copy, Guid id, string insurerNumber, int rowNo, CsvRecord record, BatchFileHeader header, CancellationToken ct)
    {
        var fields = record.Fields;
        // A row whose columns do not match the header is a Rejected row, not a failed upload; its fields are not trusted.
        var problem = fields.Length == header.FieldCount
            ? null
            : $"{record.Line} 行目: 列の数が見出し行と異なります（見出し {header.FieldCount} 列、この行 {fields.Length} 列）。";
        string? Field(BatchColumn column) => problem is null || column == BatchColumn.RegistrationId ? header.Value(fields, column) : null;

        await copy.StartRowAsync(ct);
        await copy.WriteAsync(id, NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(rowNo, NpgsqlDbType.Integer, ct);
        await copy.WriteAsync(record.Line, NpgsqlDbType.Integer, ct);
        await WriteTextAsync(copy, Field(BatchColumn.RegistrationId), ct);
        await WriteTextAsync(copy, Field(BatchColumn.InsurerNumber), ct);
        if (Field(BatchColumn.PersonalNumber) is { } number)
        {
            // Bound to the record the row will be stored as (the caller's insurer, the id as trimmed): stored as it is.
            var binding = PersonalDataBinding.Registration(insurerNumber, Field(BatchColumn.RegistrationId)?.Trim() ?? string.Empty);
            await copy.WriteAsync(protector.Encrypt(number, binding), NpgsqlDbType.Bytea, ct);
        }
        else
        {
            await copy.WriteNullAsync(ct);
        }

        await WriteTextAsync(copy, Field(BatchColumn.BirthDate), ct);
        await WriteTextAsync(copy, Field(BatchColumn.KanaName), ct);
        await WriteTextAsync(copy, Field(BatchColumn.Sex), ct);
        await WriteTextAsync(copy, Field(BatchColumn.CardSymbol), ct);
        await WriteTextAsync(copy, Field(BatchColumn.CardNumber), ct);
        await WriteTextAsync(copy, Field(BatchColumn.BranchNumber), ct);
        await WriteTextAsync(copy, Field(BatchColumn.QualificationDate), ct);
        await WriteTextAsync(copy, problem, ct);
        await WriteTextAsync(copy, Field(BatchColumn.Operation), ct);
        await WriteTextAsync(copy, Field(BatchColumn.OperationId), ct);
        await WriteTextAsync(copy, Field(BatchColumn.OperationReason), ct);
        await WriteTextAsync(copy, Field(BatchColumn.OperationNote), ct);
        await WriteSealedAsync(copy, insurerNumber, Field(BatchColumn.RegistrationId), Field(BatchColumn.KanjiName), FactFields.KanjiName, ct);
        await WriteSealedAsync(copy, insurerNumber, Field(BatchColumn.RegistrationId), Field(BatchColumn.Address), FactFields.Address, ct);
    }

    // 漢字氏名 and 住所 are staged encrypted like the personal number, bound to the record and the field.
    private Task WriteSealedAsync(NpgsqlBinaryImporter copy, string insurerNumber, string? registrationId, string? value, string field, CancellationToken ct) =>
        string.IsNullOrEmpty(value)
            ? copy.WriteNullAsync(ct)
            : copy.WriteAsync(
                protector.Encrypt(value, PersonalDataBinding.RegistrationField(insurerNumber, registrationId?.Trim() ?? string.Empty, field)),
                NpgsqlDbType.Bytea, ct);

    private static Task WriteTextAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, NpgsqlDbType.Text, ct);

    private async Task InsertBatchAsync(
        NpgsqlConnection connection, Guid id, string insurerNumber, string encoding, string? fileName, int rows, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO batches (id, insurer_number, file_name, encoding, status, total_rows, created_at, updated_at) " +
            "VALUES (@id, @insurer, @file, @encoding, @status, @rows, @now, @now)", connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("insurer", insurerNumber);
        command.Parameters.AddWithValue("file", (object?)fileName ?? DBNull.Value);
        command.Parameters.AddWithValue("encoding", encoding);
        command.Parameters.AddWithValue("status", BatchStatuses.Queued);
        command.Parameters.AddWithValue("rows", rows);
        command.Parameters.AddWithValue("now", clock.GetUtcNow());
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>An insurer has as many batches waiting as it may: it uploads the next one when one is decided.</summary>
public sealed class TooManyBatchesException(int maxInFlight) : Exception($"{maxInFlight} batches not yet decided")
{
    public int MaxInFlight { get; } = maxInFlight;
}

public sealed record StagedBatch(Guid BatchId, int TotalRows);
