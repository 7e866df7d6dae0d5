using System.Text;
using Qp.Domain.Results;
using Qp.Render.Pdf;
using static Qp.Render.Html.Markup;

namespace Qp.Render.Html;

/// <summary>One bar of a ranked chart: an authority's shown value, whether it is the page's authority, and its target status (national charts shade by it).</summary>
internal sealed record Bar(int LaCode, double Value, bool Own, TargetStatus Status);

/// <summary>One line of a trend chart: its name, its values per year (null for a gap), and how it is drawn.</summary>
internal sealed record Line(string Name, IReadOnlyList<double?> Values, string Css, string Marker, string? Dash, bool Emphasis = false);

/// <summary>
/// The charts as inline SVG: role="img" named by its own title and description, every series told apart by shape or dash as well
/// as colour, and every reference line labelled in words. The data table that follows each chart carries the same figures as text.
/// </summary>
internal static class Charts
{
    private const double W = 800, Left = 48, Right = 672;

    /// <summary>
    /// Every shown authority's value as a bar, best first, with England's and the target's lines labelled; the page's authority is
    /// marked by a triangle and its name, or, when <paramref name="byStatus"/>, each bar is filled by its target status (solid, hatched, striped or open).
    /// </summary>
    public static string Ranked(string id, string title, string desc, IReadOnlyList<Bar> bars, double? england, double? target, string? ownLabel, bool byStatus)
    {
        const double top = 34, bottom = 250, height = 280;
        var scale = Scale(bars.Select(b => (double?)b.Value).Append(england).Append(target));
        double Y(double v) => bottom - (bottom - top) * v / scale.Max;
        var sb = Open(id, title, desc, height);
        if (byStatus) sb.Append(Patterns(id));
        Axis(sb, scale, Y);
        double step = bars.Count == 0 ? 0 : (Right - Left) / bars.Count;
        double width = Math.Max(step * 0.8, 0.6);
        sb.Append("<g class=\"bars\">");
        for (int i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            double x = Left + i * step + (step - width) / 2, y = Y(b.Value);
            var fill = byStatus ? StatusFill(id, b.Status) : b.Own ? "class=\"own\"" : "class=\"other\"";
            sb.Append($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(bottom - y)}\" {fill}/>");
        }
        sb.Append("</g>\n");
        if (bars.ToList().FindIndex(b => b.Own) is var k and >= 0 && ownLabel is not null)
        {
            double cx = Left + k * step + step / 2, y = Y(bars[k].Value) - 4;
            // The label sits in a band above the plot, joined to the bar's triangle by a line down its own column, so it covers no bar or line.
            sb.Append($"<path class=\"own\" d=\"M{N(cx)} {N(y)} l-6 -9 h12 z\"/>");
            sb.Append($"<line class=\"own-tick\" x1=\"{N(cx)}\" x2=\"{N(cx)}\" y1=\"18\" y2=\"{N(y - 9)}\"/>");
            var anchor = cx < Left + 120 ? "start" : cx > Right - 120 ? "end" : "middle";
            sb.Append($"<text class=\"own-label\" x=\"{N(cx)}\" y=\"13\" text-anchor=\"{anchor}\">{Text(ownLabel)}</text>\n");
        }
        References(sb, england, target, Y);
        return sb.Append("</svg>\n").ToString();
    }

    /// <summary>Five years' lines, each with its own marker shape and dash, a key in words above, and the target as a labelled line.</summary>
    public static string Trend(string id, string title, string desc, IReadOnlyList<int> years, IReadOnlyList<Line> lines, double? target)
    {
        const double top = 56, bottom = 270, height = 300;
        var scale = Scale(lines.SelectMany(l => l.Values).Append(target));
        double Y(double v) => bottom - (bottom - top) * v / scale.Max;
        double X(int i) => Left + 30 + i * (Right - Left - 60) / Math.Max(years.Count - 1, 1);
        var sb = Open(id, title, desc, height);
        Axis(sb, scale, Y);
        for (int i = 0; i < years.Count; i++)
            sb.Append($"<text class=\"tick\" x=\"{N(X(i))}\" y=\"{N(bottom + 18)}\" text-anchor=\"middle\">{Text(Qp.Domain.CollectionYear.Display(years[i]))}</text>");
        double kx = Left;
        foreach (var l in lines)
        {
            // The key: a sample of the line with its marker, then the name.
            sb.Append($"<g class=\"{l.Css}\"><line x1=\"{N(kx)}\" y1=\"16\" x2=\"{N(kx + 28)}\" y2=\"16\"{Dash(l.Dash)}/>{Marker(l.Marker, kx + 14, 16)}</g>");
            sb.Append($"<text class=\"key\" x=\"{N(kx + 34)}\" y=\"20\">{Text(l.Name)}</text>");
            kx += 48 + 7.2 * l.Name.Length;
        }
        sb.Append('\n');
        foreach (var l in lines)
        {
            sb.Append($"<g class=\"{l.Css}{(l.Emphasis ? " strong" : "")}\">");
            // A missing year breaks the line rather than bridging it.
            var run = new List<string>();
            void Flush()
            {
                if (run.Count > 1) sb.Append($"<polyline fill=\"none\" points=\"{string.Join(' ', run)}\"{Dash(l.Dash)}/>");
                run.Clear();
            }
            for (int i = 0; i < years.Count && i < l.Values.Count; i++)
            {
                if (l.Values[i] is { } v) run.Add($"{N(X(i))},{N(Y(v))}");
                else Flush();
            }
            Flush();
            for (int i = 0; i < years.Count && i < l.Values.Count; i++)
                if (l.Values[i] is { } v) sb.Append(Marker(l.Marker, X(i), Y(v)));
            sb.Append("</g>\n");
        }
        References(sb, null, target, Y);
        return sb.Append("</svg>\n").ToString();
    }

    private static StringBuilder Open(string id, string title, string desc, double height) => new StringBuilder()
        .Append($"<svg class=\"chart\" viewBox=\"0 0 {N(W)} {N(height)}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" focusable=\"false\">\n")
        .Append($"<title id=\"{id}-t\">{Text(title)}</title>\n<desc id=\"{id}-d\">{Text(desc)}</desc>\n");

    // The axis: from zero to a round number just above every value, in at most five steps, so bars and lines are compared by length.
    private static (double Max, double Step) Scale(IEnumerable<double?> values)
    {
        double top = values.OfType<double>().DefaultIfEmpty(0).Max() * 1.02;
        foreach (var step in new double[] { 1, 2, 5, 10, 20, 25, 50 })
            if (Math.Ceiling(top / step) <= 5) return (Math.Max(Math.Ceiling(top / step), 1) * step, step);
        return (Math.Ceiling(top / 100) * 100, 100);
    }

    private static void Axis(StringBuilder sb, (double Max, double Step) scale, Func<double, double> y)
    {
        sb.Append("<g class=\"axis\">");
        for (double v = 0; v <= scale.Max + 1e-9; v += scale.Step)
        {
            sb.Append($"<line class=\"grid\" x1=\"{N(Left)}\" x2=\"{N(Right)}\" y1=\"{N(y(v))}\" y2=\"{N(y(v))}\"/>");
            sb.Append($"<text class=\"tick\" x=\"{N(Left - 6)}\" y=\"{N(y(v) + 4)}\" text-anchor=\"end\">{N(v)}%</text>");
        }
        sb.Append("</g>\n");
    }

    // England dashed, the target dotted, each named with its value at the right; two close labels are pushed apart.
    private static void References(StringBuilder sb, double? england, double? target, Func<double, double> y)
    {
        double? englandY = england is { } e ? y(e) : null;
        if (england is { } ev)
        {
            sb.Append($"<line class=\"england\" x1=\"{N(Left)}\" x2=\"{N(Right)}\" y1=\"{N(englandY!.Value)}\" y2=\"{N(englandY.Value)}\" stroke-dasharray=\"8 4\"/>");
            sb.Append($"<text class=\"ref england-label\" x=\"{N(Right + 6)}\" y=\"{N(englandY.Value + 4)}\">England {Text(Figures.Percent(ev))}</text>\n");
        }
        if (target is { } tv)
        {
            double ty = y(tv), labelY = englandY is { } ey && Math.Abs(ey - ty) < 14 ? (ty <= ey ? ey - 14 : ey + 14) : ty;
            sb.Append($"<line class=\"target\" x1=\"{N(Left)}\" x2=\"{N(Right)}\" y1=\"{N(ty)}\" y2=\"{N(ty)}\" stroke-dasharray=\"2 3\"/>");
            sb.Append($"<text class=\"ref target-label\" x=\"{N(Right + 6)}\" y=\"{N(labelY + 4)}\">Target {Text(Figures.Percent(tv))}</text>\n");
        }
    }

    private static string Dash(string? dash) => dash is null ? "" : $" stroke-dasharray=\"{dash}\"";

    private static string Marker(string shape, double x, double y) => shape switch
    {
        "square" => $"<rect x=\"{N(x - 4.5)}\" y=\"{N(y - 4.5)}\" width=\"9\" height=\"9\"/>",
        "diamond" => $"<path d=\"M{N(x)} {N(y - 6)} l6 6 l-6 6 l-6 -6 z\"/>",
        _ => $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"5\"/>",
    };

    // Met solid, not met hatched, not yet due striped, no target open: the fill's pattern tells the statuses apart without colour.
    private static string Patterns(string id) =>
        $"<defs><pattern id=\"{id}-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">" +
        "<rect width=\"6\" height=\"6\" fill=\"#fff\"/><rect width=\"3\" height=\"6\" class=\"notmet\"/></pattern>" +
        $"<pattern id=\"{id}-stripe\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">" +
        "<rect width=\"6\" height=\"6\" fill=\"#fff\"/><rect width=\"6\" height=\"3\" class=\"notdue\"/></pattern></defs>\n";

    private static string StatusFill(string id, TargetStatus s) => s switch
    {
        TargetStatus.Met => "class=\"met\"",
        TargetStatus.NotMet => $"class=\"notmet-bar\" fill=\"url(#{id}-hatch)\"",
        TargetStatus.NotYetDue => $"class=\"notdue-bar\" fill=\"url(#{id}-stripe)\"",
        _ => "class=\"open\"",
    };

    /// <summary>The key to a status-shaded chart, as HTML: each status's swatch (as drawn) and its name.</summary>
    public static string StatusKey(string id, IEnumerable<TargetStatus> shown)
    {
        // The patterns are defined once for the whole key; each swatch refers to them.
        var sb = new StringBuilder($"<svg class=\"defs\" width=\"0\" height=\"0\" aria-hidden=\"true\" focusable=\"false\">{Patterns(id + "-key")}</svg>");
        sb.Append("<ul class=\"key\" aria-label=\"Key to the bars\">");
        foreach (var s in shown)
        {
            var swatch = "<svg width=\"18\" height=\"12\" viewBox=\"0 0 18 12\" aria-hidden=\"true\" focusable=\"false\">" +
                         $"<rect x=\"0.5\" y=\"0.5\" width=\"17\" height=\"11\" {StatusFill(id + "-key", s)}/></svg>";
            sb.Append($"<li>{swatch} {Text(Figures.Status(s))}</li>");
        }
        return sb.Append("</ul>\n").ToString();
    }
}
