using Npgsql;

namespace MiddleServerValidation.Benchmarks.Seeding;

/// <summary>
/// A table's unique constraints and secondary indexes, dropped for a bulk load and rebuilt from their
/// own definitions (read from the catalog, so the migrations stay the only place they are written).
/// </summary>
internal sealed class SuspendedIndexes
{
    private readonly string _connectionString;
    private readonly string _table;
    private readonly List<(string Name, string Definition)> _constraints;
    private readonly List<string> _indexDefinitions;

    private SuspendedIndexes(string connectionString, string table, List<(string, string)> constraints, List<string> indexes)
    {
        _connectionString = connectionString;
        _table = table;
        _constraints = constraints;
        _indexDefinitions = indexes;
    }

    public static async Task<SuspendedIndexes> DropAsync(string connectionString, string table, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var constraints = new List<(string, string)>();
        await using (var read = new NpgsqlCommand(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = @table::regclass AND contype = 'u'",
            connection))
        {
            read.Parameters.AddWithValue("table", table);
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                constraints.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var indexes = new List<(string Name, string Definition)>();
        await using (var read = new NpgsqlCommand(
            "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid " +
            "WHERE x.indrelid = @table::regclass AND NOT x.indisprimary " +
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)", connection))
        {
            read.Parameters.AddWithValue("table", table);
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in constraints)
        {
            await ExecuteAsync(connection, $"ALTER TABLE {table} DROP CONSTRAINT {name}", ct);
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX {name}", ct);
        }

        return new SuspendedIndexes(connectionString, table, constraints, indexes.Select(i => i.Definition).ToList());
    }

    public async Task RestoreAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(ct);
        await ExecuteAsync(connection, "SET maintenance_work_mem = '1GB'", ct);
        await ExecuteAsync(connection, "SET max_parallel_maintenance_workers = 2", ct);
        foreach (var definition in _indexDefinitions)
        {
            await ExecuteAsync(connection, definition, ct);
        }

        foreach (var (name, definition) in _constraints)
        {
            await ExecuteAsync(connection, $"ALTER TABLE {_table} ADD CONSTRAINT {name} {definition}", ct);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }
}
