using MiddleServerValidation.Domain;
using Npgsql;

namespace MiddleServerValidation.Reconciliation.Recheck;

/// <summary>
/// The set-based reads of the re-check. Numbers are visited in key order: the Accepted ones with more than
/// one registration come from a streaming GROUP BY over the history index (an index-only scan from the
/// checkpoint on), and the few numbers with a Suspected registration from their own partial index.
/// </summary>
internal static class RecheckQueries
{
    private const string RowColumns =
        "personal_number_key, id, insurer_number, registration_id, batch_id, personal_number_cipher, birth_date, kana_name, sex, " +
        "card_symbol, card_number, branch_number, qualification_date, outcome, resident_answer::text, decided_at";

    /// <summary>
    /// The next numbers after <paramref name="after"/> worth re-checking, in key order, and the key up to which
    /// they cover the store (null once the end is reached).
    /// </summary>
    public static async Task<(List<byte[]> Keys, byte[]? Upper)> NextKeysAsync(NpgsqlConnection connection, byte[] after, int limit, CancellationToken ct)
    {
        var keys = new List<byte[]>(limit);
        await using (var command = new NpgsqlCommand(
            "SELECT personal_number_key FROM registrations WHERE outcome = 'Accepted' AND retired_at IS NULL AND personal_number_key > @after " +
            "GROUP BY personal_number_key HAVING count(*) > 1 ORDER BY personal_number_key LIMIT @limit", connection))
        {
            command.Parameters.AddWithValue("after", after);
            command.Parameters.AddWithValue("limit", limit);
            command.CommandTimeout = 0;
            await ReadKeysAsync(command, keys, ct);
        }

        var upper = keys.Count == limit ? keys[^1] : null;
        await using (var command = new NpgsqlCommand(
            "SELECT DISTINCT personal_number_key FROM registrations WHERE outcome = 'Suspected' AND retired_at IS NULL AND personal_number_key > @after " +
            "AND (@upper::bytea IS NULL OR personal_number_key <= @upper)", connection))
        {
            command.Parameters.AddWithValue("after", after);
            command.Parameters.AddWithValue("upper", NpgsqlTypes.NpgsqlDbType.Bytea, (object?)upper ?? DBNull.Value);
            await ReadKeysAsync(command, keys, ct);
        }

        var merged = keys.Distinct(KeyComparer.Instance).Order(KeyComparer.Instance).ToList();
        return (merged, upper);
    }

    /// <summary>The Accepted and Suspected registrations of the given numbers, grouped by number in decision order.</summary>
    public static async Task<List<RecheckGroup>> LoadGroupsAsync(NpgsqlConnection connection, List<byte[]> keys, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT {RowColumns} FROM registrations WHERE personal_number_key = ANY(@keys) AND outcome = 'Accepted' AND retired_at IS NULL " +
            $"UNION ALL SELECT {RowColumns} FROM registrations WHERE personal_number_key = ANY(@keys) AND outcome = 'Suspected' AND retired_at IS NULL " +
            "ORDER BY personal_number_key, decided_at, id", connection);
        command.Parameters.AddWithValue("keys", keys.ToArray());
        command.CommandTimeout = 0;
        var groups = new List<RecheckGroup>(keys.Count);
        List<RecheckRow>? rows = null;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var row = ReadRow(reader);
            if (rows is null || !row.NumberKey.AsSpan().SequenceEqual(groups[^1].NumberKey))
            {
                rows = [];
                groups.Add(new RecheckGroup(row.NumberKey, rows));
            }

            rows.Add(row);
        }

        return groups;
    }

    /// <summary>The findings already stored for these registrations, whatever their status.</summary>
    public static async Task<Dictionary<Guid, List<StoredFindingRef>>> LoadFindingsAsync(
        NpgsqlConnection connection, Guid[] registrationIds, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT registration_id, code, conflicting_registration_ids, status, rule_id, insurer_number FROM findings " +
            "WHERE registration_id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", registrationIds);
        var findings = new Dictionary<Guid, List<StoredFindingRef>>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetGuid(0);
            if (!findings.TryGetValue(id, out var list))
            {
                findings[id] = list = [];
            }

            list.Add(new StoredFindingRef(
                FindingIdentity.Of(id, reader.GetString(1), reader.GetFieldValue<Guid[]>(2)), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
        }

        return findings;
    }

    private static async Task ReadKeysAsync(NpgsqlCommand command, List<byte[]> keys, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            keys.Add(reader.GetFieldValue<byte[]>(0));
        }
    }

    private static RecheckRow ReadRow(NpgsqlDataReader reader) => new(
        reader.GetFieldValue<byte[]>(0),
        reader.GetGuid(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.GetFieldValue<byte[]>(5),
        reader.GetFieldValue<DateOnly>(6),
        reader.GetString(7),
        reader.IsDBNull(8) ? null : (Sex)reader.GetInt16(8),
        reader.IsDBNull(9) ? null : reader.GetString(9),
        reader.IsDBNull(10) ? null : reader.GetString(10),
        reader.IsDBNull(11) ? null : reader.GetString(11),
        reader.IsDBNull(12) ? null : reader.GetFieldValue<DateOnly>(12),
        Enum.Parse<Outcome>(reader.GetString(13)),
        reader.IsDBNull(14) ? null : reader.GetString(14));
}

/// <summary>Byte-wise order of number keys, the same as PostgreSQL's bytea order.</summary>
internal sealed class KeyComparer : IComparer<byte[]>, IEqualityComparer<byte[]>
{
    public static readonly KeyComparer Instance = new();

    public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);

    public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(byte[] obj) => BitConverter.ToInt32(obj, 0);
}
