using System.Text;
using System.Text.RegularExpressions;
using MiddleServerValidation.Reconciliation;
using MiddleServerValidation.Reconciliation.Figures;
using MiddleServerValidation.Reports;
using MiddleServerValidation.Reconciliation.Snapshots;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace MiddleServerValidation.IntegrationTests.Reconciliation;

/// <summary>The report's rendering on its own: figures in Japanese, one chart per KPI, the CSV of the same figures.</summary>
public sealed class ReportRenderingTests
{
    [Theory]
    [InlineData(0, "0件")]
    [InlineData(9_999, "9,999件")]
    [InlineData(35_000, "約3.5万件")]
    [InlineData(27_000, "約2.7万件")]
    [InlineData(63_400, "約6.3万件")]
    [InlineData(123_456, "約12万件")]
    [InlineData(160_000_000, "約1.6億件")]
    public void Figures_are_written_as_the_MHLW_material_writes_them(long count, string expected)
    {
        Assert.Equal(expected, JapaneseFigures.Approximate(count));
    }

    [Fact]
    public void Dates_are_shown_in_the_western_and_the_Japanese_calendar()
    {
        Assert.Equal("2026-11-21（令和8年11月21日）", JapaneseFigures.Date(new DateOnly(2026, 11, 21)));
        Assert.Equal("2019-05-01（令和元年5月1日）", JapaneseFigures.Date(new DateOnly(2019, 5, 1)));
    }

    [Fact]
    public void The_html_has_one_inline_chart_per_figure_for_the_total_and_for_each_insurer()
    {
        var figures = Figures(("06139992", DataQualityKpis.CardLostCharacter, [35_000, 12_000, 0]), ("01130012", DataQualityKpis.Registrations, [10, 20, 30]));

        var html = DataQualityReport.Html(figures);

        Assert.Equal(3 * DataQualityKpis.All.Count, Regex.Matches(html, "<svg ").Count);
        Assert.Contains("約3.5万件 → 0件", html, StringComparison.Ordinal);
        Assert.Contains("10件 → 30件", html, StringComparison.Ordinal);
        Assert.Contains("<polyline", html, StringComparison.Ordinal);
        Assert.Contains("2026-11-01（令和8年11月1日）: 35,000件", html, StringComparison.Ordinal);
        Assert.Contains("id=\"insurer-06139992\"", html, StringComparison.Ordinal);
        Assert.Contains("保険者数: 2", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_snapshots_the_report_says_so()
    {
        var html = DataQualityReport.Html(new DataQualityFigures([], [], new Dictionary<(DateOnly, string, string), long>(), DateTimeOffset.UtcNow));

        Assert.Contains("まだありません", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_csv_has_a_bom_a_Japanese_header_a_row_per_stored_figure_and_the_totals()
    {
        var figures = Figures(("06139992", DataQualityKpis.OpenCases, [3, 1, 0]), ("01130012", DataQualityKpis.OpenCases, [2, 2, 2]));

        var bytes = DataQualityReport.Csv(figures);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("日付,和暦,保険者番号,指標コード,指標,件数", lines[0]);
        Assert.Equal(1 + 6 + 3, lines.Length);
        Assert.Contains("2026-11-01,令和8年11月1日,06139992,open_cases,未処理の疑い案件,3", lines);
        Assert.Contains("2026-11-03,令和8年11月3日,全保険者,open_cases,未処理の疑い案件,2", lines);
    }

    private static DataQualityFigures Figures(params (string Insurer, string Kpi, long[] Values)[] series)
    {
        var dates = new[] { new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 3) };
        var values = new Dictionary<(DateOnly, string, string), long>();
        foreach (var (insurer, kpi, points) in series)
        {
            for (var i = 0; i < dates.Length; i++)
            {
                values[(dates[i], insurer, kpi)] = points[i];
            }
        }

        return new DataQualityFigures(dates, series.Select(s => s.Insurer).Distinct().Order(StringComparer.Ordinal).ToList(), values,
            new DateTimeOffset(2026, 11, 21, 3, 0, 0, TimeSpan.FromHours(9)));
    }
}
