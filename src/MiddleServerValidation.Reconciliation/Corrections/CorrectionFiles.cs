using Npgsql;

namespace MiddleServerValidation.Reconciliation.Corrections;

internal sealed class CorrectionFiles(NpgsqlDataSource dataSource) : ICorrectionFiles
{
    private const string Columns = "run_id, insurer_number, file_name, row_count, created_at";

    public async Task<IReadOnlyList<CorrectionFileInfo>> LatestAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT DISTINCT ON (insurer_number) {Columns} FROM correction_files ORDER BY insurer_number, created_at DESC");
        var files = new List<CorrectionFileInfo>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            files.Add(ReadInfo(reader));
        }

        return files;
    }

    public Task<CorrectionFileContent?> LatestOfAsync(string insurerNumber, CancellationToken cancellationToken) =>
        ReadOneAsync(
            $"SELECT {Columns}, content FROM correction_files WHERE insurer_number = @insurer ORDER BY created_at DESC LIMIT 1",
            command => command.Parameters.AddWithValue("insurer", insurerNumber), cancellationToken);

    public Task<CorrectionFileContent?> OfRunAsync(Guid runId, string insurerNumber, CancellationToken cancellationToken) =>
        ReadOneAsync(
            $"SELECT {Columns}, content FROM correction_files WHERE run_id = @run AND insurer_number = @insurer",
            command =>
            {
                command.Parameters.AddWithValue("run", runId);
                command.Parameters.AddWithValue("insurer", insurerNumber);
            },
            cancellationToken);

    private async Task<CorrectionFileContent?> ReadOneAsync(string sql, Action<NpgsqlCommand> bind, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new CorrectionFileContent(ReadInfo(reader), reader.GetFieldValue<byte[]>(5)) : null;
    }

    private static CorrectionFileInfo ReadInfo(NpgsqlDataReader reader) =>
        new(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetFieldValue<DateTimeOffset>(4));
}
