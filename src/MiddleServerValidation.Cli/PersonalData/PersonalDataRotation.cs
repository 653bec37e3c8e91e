using System.Security.Cryptography;
using MiddleServerValidation.Domain.PersonalNumbers;
using MiddleServerValidation.Persistence.PersonalData;
using Npgsql;

namespace MiddleServerValidation.Cli.PersonalData;

/// <summary>
/// Rewrites every stored ciphertext under the active key of the ring (and, when asked, the numbers' lookup keys under
/// the current HMAC key), a bounded batch at a time in key order, column by column: registrations' numbers, 漢字氏名 and
/// 住所, the same of batch rows still waiting, and the numbers J-LIS's search found.
/// What cannot be opened (a key no longer configured) is left as it is and counted.
/// </summary>
internal sealed class PersonalDataRotation(NpgsqlDataSource dataSource, PersonalNumberProtector protector, int batchSize, bool lookupKeys)
{
    public sealed record Counts(long Rewritten, long AlreadyCurrent, long Unreadable);

    public async Task<Counts> RunAsync(Action<long> progress, CancellationToken ct)
    {
        var (rewritten, current, unreadable) = (0L, 0L, 0L);
        foreach (var table in Tables)
        {
            byte[]? after = null;
            while (await ReadAsync(table, after, ct) is { Count: > 0 } rows)
            {
                var changes = new List<(byte[] Key, byte[] Cipher, byte[]? LookupKey)>();
                foreach (var row in rows)
                {
                    if (!lookupKeys && protector.IsCurrent(row.Cipher))
                    {
                        current++;
                        continue;
                    }

                    try
                    {
                        var binding = table.Binding(row.InsurerNumber, row.RegistrationId);
                        var plain = protector.Decrypt(row.Cipher, binding);
                        var lookup = table.LookupKeyColumn is not null && PersonalNumber.Parse(plain) is { IsValid: true } valid
                            ? protector.LookupKey(valid.Value.Value)
                            : null;
                        changes.Add((row.Key, protector.Encrypt(plain, binding), lookup));
                    }
                    catch (CryptographicException)
                    {
                        unreadable++;
                    }
                }

                await WriteAsync(table, changes, ct);
                rewritten += changes.Count;
                after = rows[^1].Key;
                progress(rewritten + current + unreadable);
            }
        }

        return new Counts(rewritten, current, unreadable);
    }

    /// <param name="Binding">What the column's ciphertext is bound to, from the row's insurer and record id.</param>
    /// <param name="LookupKeyColumn">The column holding the number's HMAC lookup key, for a personal-number column.</param>
    private sealed record Table(string Select, string Update, Func<string, string, PersonalDataBinding> Binding, string? LookupKeyColumn);

    private static PersonalDataBinding NumberBinding(string insurer, string record) => PersonalDataBinding.Registration(insurer, record);

    private static Func<string, string, PersonalDataBinding> FieldBinding(string field) =>
        (insurer, record) => PersonalDataBinding.RegistrationField(insurer, record, field);

    // Every ciphertext column, each keyed by a bytea sort key so all page the same way: a registration's id, a staged
    // row's batch and row, a found number's registration.
    private static readonly Table[] Tables =
    [
        Registrations("personal_number_cipher", NumberBinding, "personal_number_key"),
        Registrations("kanji_name_cipher", FieldBinding(FactFields.KanjiName), null),
        Registrations("address_cipher", FieldBinding(FactFields.Address), null),
        StagedRows("personal_number_cipher", NumberBinding),
        StagedRows("kanji_name_cipher", FieldBinding(FactFields.KanjiName)),
        StagedRows("address_cipher", FieldBinding(FactFields.Address)),
        new(
            "SELECT uuid_send(registration_id), insurer_number, record_id, number_cipher FROM found_numbers " +
            "WHERE @after::bytea IS NULL OR uuid_send(registration_id) > @after ORDER BY uuid_send(registration_id) LIMIT @limit",
            "UPDATE found_numbers f SET number_cipher = u.cipher, number_key = CASE WHEN @lookup THEN u.lookup ELSE f.number_key END " +
            "FROM unnest(@keys, @ciphers, @lookups) AS u(k, cipher, lookup) WHERE uuid_send(f.registration_id) = u.k",
            FieldBinding(FactFields.FoundNumber), "number_key"),
    ];

    private static Table Registrations(string column, Func<string, string, PersonalDataBinding> binding, string? lookupKeyColumn) => new(
        $"SELECT uuid_send(id), insurer_number, registration_id, {column} FROM registrations " +
        $"WHERE {column} IS NOT NULL AND (@after::bytea IS NULL OR uuid_send(id) > @after) ORDER BY uuid_send(id) LIMIT @limit",
        lookupKeyColumn is null
            ? $"UPDATE registrations r SET {column} = u.cipher FROM unnest(@keys, @ciphers) AS u(k, cipher) WHERE uuid_send(r.id) = u.k"
            : $"UPDATE registrations r SET {column} = u.cipher, {lookupKeyColumn} = CASE WHEN @lookup THEN u.lookup ELSE r.{lookupKeyColumn} END " +
              "FROM unnest(@keys, @ciphers, @lookups) AS u(k, cipher, lookup) WHERE uuid_send(r.id) = u.k",
        binding, lookupKeyColumn);

    private static Table StagedRows(string column, Func<string, string, PersonalDataBinding> binding) => new(
        $"SELECT uuid_send(r.batch_id) || int4send(r.row_no), b.insurer_number, COALESCE(btrim(r.registration_id), ''), r.{column} " +
        $"FROM batch_rows r JOIN batches b ON b.id = r.batch_id WHERE r.{column} IS NOT NULL " +
        "AND (@after::bytea IS NULL OR uuid_send(r.batch_id) || int4send(r.row_no) > @after) ORDER BY 1 LIMIT @limit",
        $"UPDATE batch_rows r SET {column} = u.cipher FROM unnest(@keys, @ciphers) AS u(k, cipher) " +
        "WHERE uuid_send(r.batch_id) || int4send(r.row_no) = u.k",
        binding, null);

    private async Task<List<(byte[] Key, string InsurerNumber, string RegistrationId, byte[] Cipher)>> ReadAsync(Table table, byte[]? after, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(table.Select);
        command.Parameters.AddWithValue("after", NpgsqlTypes.NpgsqlDbType.Bytea, (object?)after ?? DBNull.Value);
        command.Parameters.AddWithValue("limit", batchSize);
        var rows = new List<(byte[], string, string, byte[])>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add((reader.GetFieldValue<byte[]>(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3)));
        }

        return rows;
    }

    private async Task WriteAsync(Table table, List<(byte[] Key, byte[] Cipher, byte[]? LookupKey)> changes, CancellationToken ct)
    {
        if (changes.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(table.Update);
        command.Parameters.AddWithValue("keys", changes.Select(c => c.Key).ToArray());
        command.Parameters.AddWithValue("ciphers", changes.Select(c => c.Cipher).ToArray());
        if (table.LookupKeyColumn is not null)
        {
            command.Parameters.AddWithValue("lookups", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bytea,
                changes.Select(c => (object?)c.LookupKey ?? DBNull.Value).ToArray());
            command.Parameters.AddWithValue("lookup", lookupKeys);
        }
        await command.ExecuteNonQueryAsync(ct);
    }
}
