using System.Diagnostics;
using System.Text;
using MiddleServerValidation.BatchFiles;
using MiddleServerValidation.BatchFiles.Csv;
using Npgsql;
using NpgsqlTypes;

namespace MiddleServerValidation.Benchmarks.Scenarios;

/// <summary>
/// The floor of the batch path: the same file read with the same CSV reader and written with one binary COPY
/// into a table with no index, no key and no rules. Nothing can store the rows faster on this machine.
/// </summary>
public static class BareCopyFloor
{
    public static async Task<double> RowsPerSecondAsync(string connectionString, string file, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // The file's own columns (a registrations file has no operation columns), checked against the contract's names.
        var columns = Header(file);
        await ExecuteAsync(connection, "DROP TABLE IF EXISTS bench_floor; CREATE TABLE bench_floor (" +
            string.Join(", ", columns.Select(n => n + " text")) + ")", cancellationToken);

        var clock = Stopwatch.StartNew();
        long rows = 0;
        using (var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16))
        {
            var csv = new CsvReader(reader);
            csv.Read();
            await using var copy = await connection.BeginBinaryImportAsync(
                $"COPY bench_floor ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            while (await csv.ReadAsync(cancellationToken) is { } record)
            {
                await copy.StartRowAsync(cancellationToken);
                foreach (var field in record.Fields)
                {
                    await copy.WriteAsync(field, NpgsqlDbType.Text, cancellationToken);
                }

                rows++;
            }

            await copy.CompleteAsync(cancellationToken);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        await ExecuteAsync(connection, "DROP TABLE bench_floor", cancellationToken);
        return rows / seconds;
    }

    private static string[] Header(string file)
    {
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var header = new CsvReader(reader).Read()!.Fields;
        return header.All(BatchColumns.Names.Contains) ? header : throw new InvalidDataException("The batch file's header has a name outside the contract.");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
