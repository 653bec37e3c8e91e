using System.Globalization;
using System.Text;
using static System.Net.WebUtility;

namespace MiddleServerValidation.Reports;

/// <summary>
/// One KPI's trend as an inline SVG line chart (no script, no external file): the points over the stored days,
/// the first and last value as a headline (約3.5万件 → 0件), each point's date and exact figure as a tooltip.
/// </summary>
internal static class SvgTrendChart
{
    private const int Width = 320;
    private const int Height = 170;
    private const int Left = 52;
    private const int Right = 14;
    private const int Top = 44;
    private const int Bottom = 26;

    public static string Render(string title, IReadOnlyList<(DateOnly Date, long Value)> series)
    {
        var svg = new StringBuilder();
        var headline = series.Count switch
        {
            0 => "記録なし",
            1 => JapaneseFigures.Approximate(series[0].Value),
            _ => $"{JapaneseFigures.Approximate(series[0].Value)} → {JapaneseFigures.Approximate(series[^1].Value)}",
        };
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" "))
            .Append($"role=\"img\" aria-label=\"{HtmlEncode($"{title}: {headline}")}\">")
            .Append($"<title>{HtmlEncode(title)}</title>")
            .Append(Invariant($"<text x=\"8\" y=\"16\" class=\"t\">{HtmlEncode(title)}</text>"))
            .Append(Invariant($"<text x=\"8\" y=\"34\" class=\"h\">{HtmlEncode(headline)}</text>"))
            .Append(Invariant($"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" class=\"axis\"/>"))
            .Append(Invariant($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" class=\"axis\"/>"));
        if (series.Count > 0)
        {
            AppendPlot(svg, series);
        }

        return svg.Append("</svg>").ToString();
    }

    private static void AppendPlot(StringBuilder svg, IReadOnlyList<(DateOnly Date, long Value)> series)
    {
        var max = Math.Max(1, series.Max(p => p.Value));
        var points = series.Select((p, i) => (p.Date, p.Value, X: X(i, series.Count), Y: Y(p.Value, max))).ToList();
        svg.Append(Invariant($"<text x=\"{Left - 4}\" y=\"{Top + 4}\" class=\"y\">{HtmlEncode(Compact(max))}</text>"))
            .Append(Invariant($"<text x=\"{Left - 4}\" y=\"{Height - Bottom + 4}\" class=\"y\">0</text>"))
            .Append(Invariant($"<text x=\"{Left}\" y=\"{Height - 8}\" class=\"x\">{JapaneseFigures.ShortDate(series[0].Date)}</text>"));
        if (series.Count > 1)
        {
            svg.Append(Invariant($"<text x=\"{Width - Right}\" y=\"{Height - 8}\" class=\"x end\">{JapaneseFigures.ShortDate(series[^1].Date)}</text>"))
                .Append("<polyline class=\"line\" points=\"")
                .AppendJoin(' ', points.Select(p => Invariant($"{p.X:0.#},{p.Y:0.#}")))
                .Append("\"/>");
        }

        foreach (var p in points)
        {
            svg.Append(Invariant($"<circle cx=\"{p.X:0.#}\" cy=\"{p.Y:0.#}\" r=\"3\" class=\"pt\">"))
                .Append($"<title>{HtmlEncode($"{JapaneseFigures.Date(p.Date)}: {JapaneseFigures.Exact(p.Value)}")}</title></circle>");
        }
    }

    private static double X(int index, int count) =>
        count == 1 ? (Left + Width - Right) / 2d : Left + 6 + index * (Width - Right - Left - 12d) / (count - 1);

    private static double Y(long value, long max) => Height - Bottom - value * (Height - Bottom - Top - 4d) / max;

    // An axis label: 35000 → 3.5万, 160000000 → 1.6億.
    private static string Compact(long value) => JapaneseFigures.Approximate(value).Replace("約", "", StringComparison.Ordinal).TrimEnd('件');

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
