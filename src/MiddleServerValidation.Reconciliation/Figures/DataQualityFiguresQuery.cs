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

        await reader.DisposeAsync();
        return new DataQualityFigures(
            values.Keys.Select(k => k.Item1).Distinct().Order().ToList(),
            values.Keys.Select(k => k.Item2).Distinct().Order(StringComparer.Ordinal).ToList(),
            values,
            clock.GetUtcNow(),
            await ResolutionsAsync(query, cancellationToken));
    }

    private async Task<List<ResolutionFigure>> ResolutionsAsync(ReportQuery query, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT (closed_at AT TIME ZONE 'Asia/Tokyo')::date AS day, insurer_number, status, count(*), " +
            "percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - created_at)) / 3600 " +
            "FROM findings WHERE closed_at IS NOT NULL " +
            "AND (@from::date IS NULL OR closed_at >= (@from::date::timestamp AT TIME ZONE 'Asia/Tokyo')) " +
            "AND (@to::date IS NULL OR closed_at < ((@to::date + 1)::timestamp AT TIME ZONE 'Asia/Tokyo')) " +
            "AND (@insurer::text IS NULL OR insurer_number = @insurer) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
        command.Parameters.AddWithValue("from", NpgsqlTypes.NpgsqlDbType.Date, (object?)query.From ?? DBNull.Value);
        command.Parameters.AddWithValue("to", NpgsqlTypes.NpgsqlDbType.Date, (object?)query.To ?? DBNull.Value);
        command.Parameters.AddWithValue("insurer", NpgsqlTypes.NpgsqlDbType.Text, (object?)query.InsurerNumber ?? DBNull.Value);
        var figures = new List<ResolutionFigure>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            figures.Add(new ResolutionFigure(reader.GetFieldValue<DateOnly>(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetDouble(4)));
        }

        return figures;
    }
}
