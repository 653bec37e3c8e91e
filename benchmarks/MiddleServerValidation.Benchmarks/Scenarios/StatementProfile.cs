using System.Text.RegularExpressions;
using Npgsql;

namespace MiddleServerValidation.Benchmarks.Scenarios;

/// <summary>
/// Where PostgreSQL's time went, statement by statement (pg_stat_statements, when the server preloads it, as
/// scripts/benchmark.sh arranges): the database half of the profile.
/// </summary>
public sealed partial class StatementProfile(string connectionString)
{
    private bool _available;

    public async Task EnableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync("CREATE EXTENSION IF NOT EXISTS pg_stat_statements", cancellationToken);
            await ExecuteAsync("SELECT pg_stat_statements_reset()", cancellationToken);
            _available = true;
        }
        catch (PostgresException)
        {
            // Not preloaded on this server: the report goes without it.
        }
    }

    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        if (_available)
        {
            await ExecuteAsync("SELECT pg_stat_statements_reset()", cancellationToken);
        }
    }

    /// <summary>The statements that took most of the server's time since the last reset.</summary>
    public async Task<IReadOnlyList<string>> TopAsync(int count, CancellationToken cancellationToken)
    {
        if (!_available)
        {
            return ["(pg_stat_statements not loaded on this server)"];
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT query, calls, total_exec_time, rows, sum(total_exec_time) OVER () FROM pg_stat_statements " +
            "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY total_exec_time DESC LIMIT @count", connection);
        command.Parameters.AddWithValue("count", count);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var query = Whitespace().Replace(reader.GetString(0), " ");
            lines.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{reader.GetDouble(2) / 1000,7:F1} s {100 * reader.GetDouble(2) / reader.GetDouble(4),3:F0} % {reader.GetInt64(1),9:N0} calls {reader.GetInt64(3),11:N0} rows  {(query.Length > 110 ? query[..110] + "…" : query)}"));
        }

        return lines;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
