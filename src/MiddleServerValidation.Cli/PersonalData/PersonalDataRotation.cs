using System.Security.Cryptography;
using MiddleServerValidation.Domain.PersonalNumbers;
using MiddleServerValidation.Persistence.PersonalData;
using Npgsql;

namespace MiddleServerValidation.Cli.PersonalData;

/// <summary>
/// Rewrites stored personal numbers under the active key of the ring (and, when asked, their lookup keys under the
/// current HMAC key), a bounded batch at a time in key order: registrations, and the rows of batches still waiting.
/// What cannot be opened (a key no longer configured) is left as it is and counted.
/// </summary>
internal sealed class PersonalDataRotation(NpgsqlDataSource dataSource, PersonalNumberProtector protector, int batchSize, bool lookupKeys)
{
    public sealed record Counts(long Rewritten, long AlreadyCurrent, long Unreadable);

    public async Task<Counts> RunAsync(Action<long> progress, CancellationToken ct)
    {
        var (rewritten, current, unreadable) = (0L, 0L, 0L);
        foreach (var table in new[] { Registrations, StagedRows })
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
                        var binding = PersonalDataBinding.Registration(row.InsurerNumber, row.RegistrationId);
                        var plain = protector.Decrypt(row.Cipher, binding);
                        var lookup = PersonalNumber.Parse(plain) is { IsValid: true } valid ? protector.LookupKey(valid.Value.Value) : null;
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

    private sealed record Table(string Select, string Update, bool HasLookupKey);

    // Keyed by a bytea sort key so both tables page the same way: a registration's id, a staged row's batch and row.
    private static readonly Table Registrations = new(
        "SELECT uuid_send(id), insurer_number, registration_id, personal_number_cipher FROM registrations " +
        "WHERE personal_number_cipher IS NOT NULL AND (@after::bytea IS NULL OR uuid_send(id) > @after) ORDER BY uuid_send(id) LIMIT @limit",
        "UPDATE registrations r SET personal_number_cipher = u.cipher, personal_number_key = CASE WHEN @lookup THEN u.lookup ELSE r.personal_number_key END " +
        "FROM unnest(@keys, @ciphers, @lookups) AS u(k, cipher, lookup) WHERE uuid_send(r.id) = u.k",
        true);

    private static readonly Table StagedRows = new(
        "SELECT uuid_send(r.batch_id) || int4send(r.row_no), b.insurer_number, COALESCE(btrim(r.registration_id), ''), r.personal_number_cipher " +
        "FROM batch_rows r JOIN batches b ON b.id = r.batch_id WHERE r.personal_number_cipher IS NOT NULL " +
        "AND (@after::bytea IS NULL OR uuid_send(r.batch_id) || int4send(r.row_no) > @after) ORDER BY 1 LIMIT @limit",
        "UPDATE batch_rows r SET personal_number_cipher = u.cipher FROM unnest(@keys, @ciphers) AS u(k, cipher) " +
        "WHERE uuid_send(r.batch_id) || int4send(r.row_no) = u.k",
        false);

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
        if (table.HasLookupKey)
        {
            command.Parameters.AddWithValue("lookups", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bytea,
                changes.Select(c => (object?)c.LookupKey ?? DBNull.Value).ToArray());
            command.Parameters.AddWithValue("lookup", lookupKeys);
        }
        await command.ExecuteNonQueryAsync(ct);
    }
}
