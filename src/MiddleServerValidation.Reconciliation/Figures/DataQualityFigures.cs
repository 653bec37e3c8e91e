using MiddleServerValidation.Reconciliation.Snapshots;

namespace MiddleServerValidation.Reconciliation.Figures;

/// <summary>Which snapshots a report shows; every bound is optional.</summary>
public sealed record ReportQuery(DateOnly? From = null, DateOnly? To = null, string? InsurerNumber = null);

/// <summary>The stored daily figures a report is drawn from, per day, insurer and KPI.</summary>
public sealed class DataQualityFigures(
    IReadOnlyList<DateOnly> dates, IReadOnlyList<string> insurers, IReadOnlyDictionary<(DateOnly Date, string Insurer, string Kpi), long> values,
    DateTimeOffset generatedAt, IReadOnlyList<ResolutionFigure>? resolutions = null)
{
    /// <summary>The findings closed per day, insurer and way of closing, over the same days.</summary>
    public IReadOnlyList<ResolutionFigure> Resolutions { get; } = resolutions ?? [];

    public IReadOnlyList<DateOnly> Dates { get; } = dates;
    public IReadOnlyList<string> Insurers { get; } = insurers;
    public DateTimeOffset GeneratedAt { get; } = generatedAt;

    /// <summary>A KPI over the stored days, for one insurer or (null) summed over all of them; days without a snapshot are left out.</summary>
    public IReadOnlyList<(DateOnly Date, long Value)> Series(string? insurer, string kpi)
    {
        var series = new List<(DateOnly, long)>();
        foreach (var date in Dates)
        {
            if (insurer is not null)
            {
                if (values.TryGetValue((date, insurer, kpi), out var value))
                {
                    series.Add((date, value));
                }
            }
            else if (Insurers.Any(i => values.ContainsKey((date, i, kpi))))
            {
                series.Add((date, Insurers.Sum(i => values.GetValueOrDefault((date, i, kpi)))));
            }
        }

        return series;
    }

    public IEnumerable<(DateOnly Date, string Insurer, string Kpi, long Value)> Rows() =>
        from date in Dates
        from insurer in Insurers
        from kpi in DataQualityKpis.All
        where values.ContainsKey((date, insurer, kpi))
        select (date, insurer, kpi, values[(date, insurer, kpi)]);
}
