using System.Text;
using MiddleServerValidation.Domain;
using MiddleServerValidation.Reconciliation.Figures;
using MiddleServerValidation.Reconciliation.Snapshots;
using static System.Net.WebUtility;

namespace MiddleServerValidation.Reports;

/// <summary>
/// The data-quality report as one self-contained HTML page: inline CSS, one inline SVG chart per KPI for all
/// insurers together and for each insurer, and the latest figures in tables. Opens offline, prints, mails.
/// </summary>
internal static class HtmlReport
{
    private const string Style = """
        body{font-family:"Hiragino Sans","Noto Sans JP","Yu Gothic",sans-serif;margin:24px;color:#1d2733}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid #2b6cb0;padding-bottom:4px}
        .meta{color:#555;font-size:13px}nav a{margin-right:10px;font-size:13px}
        table{border-collapse:collapse;font-size:13px;margin:8px 0}th,td{border:1px solid #ccd;padding:3px 8px}td.n{text-align:right}
        .grid{display:flex;flex-wrap:wrap;gap:8px}.chart{border:1px solid #dde;background:#fff}
        .t{font-size:12px;fill:#333}.h{font-size:14px;font-weight:bold;fill:#2b6cb0}.axis{stroke:#99a;stroke-width:1}
        .y{font-size:10px;fill:#666;text-anchor:end}.x{font-size:10px;fill:#666}.end{text-anchor:end}
        .line{fill:none;stroke:#2b6cb0;stroke-width:2}.pt{fill:#2b6cb0}
        """;

    public static string Render(DataQualityFigures figures)
    {
        var html = new StringBuilder();
        var generated = TokyoCalendar.DateOf(figures.GeneratedAt);
        html.Append("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>中間サーバー登録データ 品質レポート</title>")
            .Append("<style>").Append(Style).Append("</style></head><body>")
            .Append("<h1>中間サーバー登録データ 品質レポート</h1>")
            .Append($"<p class=\"meta\">作成日: {HtmlEncode(JapaneseFigures.Date(generated))}　")
            .Append(figures.Dates.Count == 0
                ? "記録されたデータ品質の指標はまだありません。"
                : $"対象期間: {HtmlEncode(JapaneseFigures.Date(figures.Dates[0]))} 〜 {HtmlEncode(JapaneseFigures.Date(figures.Dates[^1]))}（{figures.Dates.Count}日分）　保険者数: {figures.Insurers.Count}")
            .Append("</p>");
        if (figures.Dates.Count > 0)
        {
            html.Append("<nav><a href=\"#resolved\">疑いの解消</a><a href=\"#all\">全保険者合計</a>")
                .AppendJoin("", figures.Insurers.Select(i => $"<a href=\"#insurer-{HtmlEncode(i)}\">{HtmlEncode(i)}</a>"))
                .Append("</nav>");
            AppendResolutions(html, figures);
            AppendSection(html, figures, null, "all", "全保険者合計");
            foreach (var insurer in figures.Insurers)
            {
                AppendSection(html, figures, insurer, $"insurer-{insurer}", $"保険者番号 {insurer}");
            }
        }

        return html.Append("</body></html>").ToString();
    }

    /// <summary>Per day and insurer: the findings closed by each way, and how long they had stayed open.</summary>
    private static void AppendResolutions(StringBuilder html, DataQualityFigures figures)
    {
        html.Append("<section id=\"resolved\"><h2>疑いの解消（日別・保険者別）</h2>");
        if (figures.Resolutions.Count == 0)
        {
            html.Append("<p class=\"meta\">この期間に解消した疑い案件はありません。</p></section>");
            return;
        }

        html.Append("<table><thead><tr><th>日付</th><th>保険者番号</th>")
            .AppendJoin("", ResolutionLabels.Columns.Select(c => $"<th>{HtmlEncode(c.Label)}</th>"))
            .Append("<th>解消までの時間（中央値）</th></tr></thead><tbody>");
        foreach (var day in figures.Resolutions.GroupBy(r => (r.Date, r.InsurerNumber)))
        {
            var total = day.Sum(r => r.Count);
            var median = day.Sum(r => r.MedianHoursOpen * r.Count) / Math.Max(1, total);
            html.Append($"<tr><td>{HtmlEncode(JapaneseFigures.Date(day.Key.Date))}</td><td>{HtmlEncode(day.Key.InsurerNumber)}</td>")
                .AppendJoin("", ResolutionLabels.Columns.Select(c => $"<td class=\"n\">{JapaneseFigures.Exact(day.Where(r => r.Status == c.Status).Sum(r => r.Count))}</td>"))
                .Append($"<td class=\"n\">{HtmlEncode(ResolutionLabels.Hours(median))}</td></tr>");
        }

        html.Append("</tbody></table><p class=\"meta\">未処理の件数は下の「未処理の疑い案件」の推移を参照してください。時間は各区分の中央値を件数で重み付けした値です。</p></section>");
    }

    private static void AppendSection(StringBuilder html, DataQualityFigures figures, string? insurer, string anchor, string heading)
    {
        html.Append($"<section id=\"{HtmlEncode(anchor)}\"><h2>{HtmlEncode(heading)}</h2>")
            .Append("<table><thead><tr><th>指標</th><th>最初の記録</th><th>最新</th><th>増減</th></tr></thead><tbody>");
        var charts = new StringBuilder();
        foreach (var kpi in DataQualityKpis.All)
        {
            var series = figures.Series(insurer, kpi);
            var label = DataQualityKpis.LabelOf(kpi);
            charts.Append(SvgTrendChart.Render(label, series));
            if (series.Count == 0)
            {
                continue;
            }

            var change = series[^1].Value - series[0].Value;
            html.Append($"<tr><td>{HtmlEncode(label)}</td><td class=\"n\">{JapaneseFigures.Exact(series[0].Value)}</td>")
                .Append($"<td class=\"n\">{JapaneseFigures.Exact(series[^1].Value)}</td>")
                .Append($"<td class=\"n\">{(change > 0 ? "+" : "")}{change:N0}</td></tr>");
        }

        html.Append("</tbody></table><div class=\"grid\">").Append(charts).Append("</div></section>");
    }
}
