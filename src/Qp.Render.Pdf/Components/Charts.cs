using ScottPlot;
using SkiaSharp;

namespace Qp.Render.Pdf.Components;

/// <summary>A line or marker in a chart key.</summary>
internal sealed record KeyItem(string Label, SKColor Colour, bool IsBar = false, bool Dashed = false);

/// <summary>What all charts share: the pack font, quiet axes, and drawing onto the page canvas so the chart stays vector.</summary>
internal static class ChartStyle
{
    public static Plot NewPlot()
    {
        PackFonts.RegisterWithScottPlot();
        var plot = new Plot();
        plot.Font.Set(PackFonts.Family);
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Bottom })
        {
            axis.TickLabelStyle.FontSize = 7.5f;
            axis.TickLabelStyle.ForeColor = Palette.ForChart(Palette.Muted);
            axis.Label.FontSize = 8f;
            axis.Label.ForeColor = Palette.ForChart(Palette.Muted);
            axis.Label.Bold = false;
            axis.MajorTickStyle.Length = 3;
            axis.MinorTickStyle.Length = 0;
            axis.FrameLineStyle.Color = Palette.ForChart(Palette.Rule);
        }
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Grid.MajorLineColor = Palette.ForChart(Palette.Band).WithAlpha(1.0);
        plot.Grid.XAxisStyle.IsVisible = false;
        return plot;
    }

    /// <summary>Renders the plot inside <paramref name="r"/> on the page canvas.</summary>
    public static void Render(Plot plot, SKCanvas c, SKRect r)
    {
        var rect = new PixelRect(new Pixel(r.Left, r.Top), new PixelSize(r.Width, r.Height));
        // ScottPlot draws a second time when its first render changes the layout or axis limits; a first pass on a
        // canvas that draws nothing settles them, so the page receives each chart exactly once.
        using (var settle = new SKNoDrawCanvas((int)PageFrame.Width, (int)PageFrame.Height))
            plot.Render(settle, rect);
        c.Save();
        plot.Render(c, rect);
        c.Restore();
    }

    /// <summary>Draws the chart's key, starting a new row when an entry would pass <paramref name="maxWidth"/>; returns its height.</summary>
    public static float Key(SKCanvas c, float x, float top, IEnumerable<KeyItem> items, float maxWidth = float.MaxValue)
    {
        const float row = 12f;
        float cx = x, baseline = top + 8f;
        bool any = false;
        foreach (var item in items)
        {
            float swatch = item.IsBar ? 10f : 17f;
            // A long name shrinks before it is allowed to spill past the key's width.
            var (lines, style) = Ink.Fit(item.Label, maxWidth - swatch, TextStyle.Small, minSize: 6.5f);
            float w = swatch + Ink.Width(lines[0], style);
            if (any && cx + w > x + maxWidth)
            {
                cx = x;
                baseline += row;
            }
            if (item.IsBar) Ink.Fill(c, new SKRect(cx, baseline - 6.5f, cx + 7f, baseline + 0.5f), item.Colour);
            else
            {
                using var p = new SKPaint { Color = item.Colour, StrokeWidth = 1.6f, IsStroke = true, IsAntialias = true };
                if (item.Dashed) p.PathEffect = SKPathEffect.CreateDash([3f, 2f], 0);
                c.DrawLine(cx, baseline - 3f, cx + 14f, baseline - 3f, p);
            }
            Ink.Text(c, lines[0], cx + swatch, baseline, style);
            cx += w + 12f;
            any = true;
        }
        return any ? baseline - top + row - 8f : 0f;
    }

    /// <summary>The entries of <paramref name="candidates"/> whose colour a drawn mark uses, so a key never lists what is not drawn.</summary>
    public static IReadOnlyList<KeyItem> KeyFor(IEnumerable<KeyItem> candidates, IReadOnlyCollection<SKColor> marks) =>
        candidates.Where(k => marks.Contains(k.Colour)).ToList();

    public static double Ceiling(IEnumerable<double?> values)
    {
        double max = values.Where(v => v.HasValue).Select(v => v!.Value).DefaultIfEmpty(10).Max();
        double top = Math.Ceiling(max * 1.15 / 5) * 5;
        return Math.Min(Math.Max(top, 5), 100);
    }

    public static void HorizontalLine(Plot plot, double? y, SKColor colour, LinePattern pattern, float width = 1.2f)
    {
        if (y is not { } v) return;
        var line = plot.Add.HorizontalLine(v);
        line.Color = Palette.ForChart(colour);
        line.LineWidth = width;
        line.LinePattern = pattern;
    }
}

/// <summary>One authority's bar in a ranked chart.</summary>
internal sealed record RankedBar(int LaCode, double Value, SKColor Colour);

/// <summary>Every authority's value as a bar, best on the left, with England and target lines; the pack's authority highlighted and labelled.</summary>
internal static class RankedChart
{
    /// <summary>The colours of the marks <see cref="Draw"/> draws for these figures: every bar (a 0% bar as a stub) and each line.</summary>
    public static IReadOnlyList<SKColor> Marks(IReadOnlyList<RankedBar> bars, double? england, double? target)
    {
        var marks = bars.Select(b => b.Colour).Distinct().ToList();
        if (england is not null) marks.Add(Palette.England);
        if (target is not null) marks.Add(Palette.Target);
        return marks;
    }

    /// <summary>Whether any bar is 0%, drawn as a stub and explained under the axis.</summary>
    public static bool HasZero(IReadOnlyList<RankedBar> bars) => bars.Any(b => b.Value <= 0);

    /// <summary>Draws the chart; returns the colours of the marks drawn, for the key's check.</summary>
    public static IReadOnlyList<SKColor> Draw(SKCanvas c, SKRect r, IReadOnlyList<RankedBar> bars, double? england, double? target, string? highlightLabel, int? highlight)
    {
        var plot = ChartStyle.NewPlot();
        double top = ChartStyle.Ceiling(bars.Select(b => (double?)b.Value).Append(england).Append(target));
        // A 0% bar has no height; a thin stub (1.5% of the axis) shows the authority is there and its figure is zero.
        double stub = top * 0.015;
        var list = bars.Select((b, i) => new Bar
        {
            Position = i + 1,
            Value = b.Value > 0 ? b.Value : stub,
            FillColor = Palette.ForChart(b.Colour),
            LineWidth = 0,
            Size = 0.78,
        }).ToList();
        if (list.Count > 0) plot.Add.Bars(list);
        ChartStyle.HorizontalLine(plot, england, Palette.England, LinePattern.Dashed);
        ChartStyle.HorizontalLine(plot, target, Palette.Target, LinePattern.Dotted, 1.4f);

        int index = highlight is { } h ? bars.ToList().FindIndex(b => b.LaCode == h) : -1;
        bool labelled = index >= 0 && highlightLabel is not null;
        plot.Axes.SetLimits(0.2, Math.Max(bars.Count, 1) + 0.8, 0, top);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.Label.Text = $"Authorities ranked from best (left) to worst (right), n = {bars.Count}" +
                                      (HasZero(bars) ? "; a figure of 0% is drawn as a thin stub" : "");
        plot.Axes.Left.Label.Text = "%";
        // A labelled chart keeps a band above its data area for the label, so the label covers no bar or line.
        plot.Layout.Fixed(new PixelPadding(34, 8, 20, labelled ? 17 : 6));
        ChartStyle.Render(plot, c, r);
        if (labelled)
        {
            var barTop = plot.GetPixel(new Coordinates(index + 1, Math.Max(bars[index].Value, stub)));
            var dataTop = plot.GetPixel(new Coordinates(index + 1, top));
            var style = new TextStyle(8f, true, Palette.Highlight);
            float w = Ink.Width(highlightLabel!, style);
            bool leftAligned = index < bars.Count / 2;
            float baseline = dataTop.Y - 5f;
            Ink.Line(c, barTop.X, barTop.Y, barTop.X, baseline + 2f, Palette.Highlight, 0.6f);
            Ink.Text(c, highlightLabel!, leftAligned ? barTop.X - 2f : barTop.X + 2f, baseline, style, leftAligned ? SKTextAlign.Left : SKTextAlign.Right);
            // Where the label landed, against every bar and line, for the layout check.
            var box = leftAligned ? new SKRect(barTop.X - 3f, baseline - 8f, barTop.X + w, baseline + 2f) : new SKRect(barTop.X - w, baseline - 8f, barTop.X + 3f, baseline + 2f);
            var barBoxes = list.Select((b, i) => (bars[i].LaCode, Box: Rect(plot.GetPixel(new Coordinates(b.Position - b.Size / 2, b.Value)), plot.GetPixel(new Coordinates(b.Position + b.Size / 2, 0))))).ToList();
            var lines = new List<(string, float)>();
            if (england is { } ev) lines.Add(("England line", plot.GetPixel(new Coordinates(1, ev)).Y));
            if (target is { } tv) lines.Add(("target line", plot.GetPixel(new Coordinates(1, tv)).Y));
            LayoutLog.HiddenMarks("ranked", Hidden(box, barBoxes.Where(b => b.LaCode != highlight), lines));
        }
        return Marks(bars, england, target);
    }

    private static SKRect Rect(Pixel a, Pixel b) => new(Math.Min(a.X, b.X), Math.Min(a.Y, b.Y), Math.Max(a.X, b.X), Math.Max(a.Y, b.Y));

    /// <summary>The marks a label's <paramref name="box"/> covers: bars it overlaps and horizontal lines that pass under it.</summary>
    public static IReadOnlyList<string> Hidden(SKRect box, IEnumerable<(int LaCode, SKRect Box)> bars, IEnumerable<(string Name, float Y)> lines) =>
        bars.Where(b => b.Box.IntersectsWith(box)).Select(b => $"bar of {b.LaCode}")
            .Concat(lines.Where(l => l.Y >= box.Top && l.Y <= box.Bottom).Select(l => l.Name)).ToList();
}

/// <summary>Five years of the authority against England, its neighbours' average and the target.</summary>
internal static class TrendChart
{
    public sealed record Series(string Label, SKColor Colour, IReadOnlyList<double?> Values, bool Dashed = false, bool Emphasis = false);

    /// <summary>The colours of the lines <see cref="Draw"/> draws: each series with a point, and the target.</summary>
    public static IReadOnlyList<SKColor> Marks(IReadOnlyList<Series> series, double? target)
    {
        var marks = series.Where(s => s.Values.Any(v => v.HasValue)).Select(s => s.Colour).ToList();
        if (target is not null) marks.Add(Palette.Target);
        return marks;
    }

    /// <summary>Draws the chart; returns the colours of the lines drawn, for the key's check.</summary>
    public static IReadOnlyList<SKColor> Draw(SKCanvas c, SKRect r, IReadOnlyList<int> years, IReadOnlyList<Series> series, double? target)
    {
        var plot = ChartStyle.NewPlot();
        foreach (var s in series)
        {
            // Missing and suppressed years are left out: the line joins the points that are shown.
            var points = years.Select((y, i) => (x: (double)i, v: s.Values[i])).Where(p => p.v.HasValue).ToList();
            if (points.Count == 0) continue;
            var sc = plot.Add.Scatter(points.Select(p => p.x).ToArray(), points.Select(p => p.v!.Value).ToArray());
            sc.Color = Palette.ForChart(s.Colour);
            sc.LineWidth = s.Emphasis ? 2.2f : 1.5f;
            sc.MarkerSize = s.Emphasis ? 6f : 4f;
            sc.LinePattern = s.Dashed ? LinePattern.Dashed : LinePattern.Solid;
        }
        ChartStyle.HorizontalLine(plot, target, Palette.Target, LinePattern.Dotted, 1.4f);
        double top = ChartStyle.Ceiling(series.SelectMany(s => s.Values).Append(target));
        plot.Axes.SetLimits(-0.35, years.Count - 0.65, 0, top);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            years.Select((_, i) => (double)i).ToArray(), years.Select(Domain.CollectionYear.Display).ToArray());
        plot.Axes.Left.Label.Text = "%";
        plot.Layout.Fixed(new PixelPadding(34, 8, 18, 6));
        ChartStyle.Render(plot, c, r);
        return Marks(series, target);
    }
}
