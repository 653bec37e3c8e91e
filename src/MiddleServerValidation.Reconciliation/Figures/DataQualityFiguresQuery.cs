using Npgsql;

namespace MiddleServerValidation.Reconciliation.Figures;

internal sealed class DataQualityFiguresQuery(NpgsqlDataSource dataSource, TimeProvider clock) : IDataQualityFigures
{
    public async Task<DataQualityFigures> LoadAsync(ReportQuery query, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT snapshot_date, insurer_number, kpi, value FROM data_quality_snapshots " +
            "WHERE (@from::date IS NULL OR snapshot_date >= @from) AND (@to::date IS NULL OR snapshot_date <= @to) " +
            "AND (@insurer::text IS NULL OR insurer_number = @insurer) ORDER BY snapshot_date, insurer_number");
        command.Parameters.AddWithValue("from", NpgsqlTypes.NpgsqlDbType.Date, (object?)query.From ?? DBNull.Value);
        command.Parameters.AddWithValue("to", NpgsqlTypes.NpgsqlDbType.Date, (object?)query.To ?? DBNull.Value);
        command.Parameters.AddWithValue("insurer", NpgsqlTypes.NpgsqlDbType.Text, (object?)query.InsurerNumber ?? DBNull.Value);
        var values = new Dictionary<(DateOnly, string, string), long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values[(reader.GetFieldValue<DateOnly>(0), reader.GetString(1), reader.GetString(2))] = reader.GetInt64(3);
        }

        return new DataQualityFigures(
            values.Keys.Select(k => k.Item1).Distinct().Order().ToList(),
            values.Keys.Select(k => k.Item2).Distinct().Order(StringComparer.Ordinal).ToList(),
            values,
            clock.GetUtcNow());
    }
}
