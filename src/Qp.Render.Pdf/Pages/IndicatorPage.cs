using Qp.Domain;
using Qp.Domain.Indicators;
using Qp.Domain.Results;
using Qp.Domain.Statements;
using Qp.Render.Pdf.Components;
using SkiaSharp;

namespace Qp.Render.Pdf.Pages;

/// <summary>One indicator for one authority: reading, key figures, every authority ranked, five-year trend and neighbours.</summary>
internal sealed class IndicatorPage(PackContext ctx, IndicatorDefinition d) : IPage
{
    public string Section => $"{d.Id}  {SummaryPage.ShortTitle(d.Title)}";

    public void Draw(SKCanvas c, SKRect a)
    {
        int la = ctx.LaCode!.Value;
        var r = ctx.Source.Result(d.Id, ctx.Year, la);
        var england = ctx.Source.National(d.Id, ctx.Year);
        float y = a.Top;

        y = IndicatorHeader.Draw(c, a, y, d);
        y = ReadingBox(c, a, y, ctx.Text.Reading(d, r, england, ctx.AreaName, ctx.Year)) + 10;

        y = KeyFigures.Draw(c, a, y,
        [
            new(ctx.AreaName, ctx.Figures.Value(r), Palette.Highlight),
            new(ctx.Text.EnglandLabel, ctx.Figures.England(d.Id, ctx.Year, england?.Value), Palette.England),
            new(ctx.Text.NeighbourLabel(r), Figures.Percent(ctx.Text.Neighbours(r).Value), Palette.Neighbours),
            new("Target", ctx.Figures.Target(d, r), Palette.Target, d.Targets.Count > 0 ? ctx.Text.Status(d, r, ctx.Year) : null),
            new("Rank in England", ctx.Text.RankCell(r), Palette.Navy),
        ]) + 6;

        var facts = r is null ? "No figures stored for this year." : string.Join("   ·   ",
            $"Numerator {ctx.Figures.Numerator(r)} of {ctx.Figures.Denominator(r)}",
            $"95% interval {(ctx.Figures.IsSuppressed(r) ? "c" : $"{Figures.Percent(r.Ci95Lower)} to {Figures.Percent(r.Ci95Upper)}")}",
            $"Change on {CollectionYear.Display(ctx.Year - 1)}: {(ctx.HidesChange(r) ? "c" : Figures.Points(r.ChangePp))}",
            $"Source: {SourceName(r.Source)}");
        y += Ink.Paragraph(c, facts, a.Left, y, a.Width, TextStyle.Small) + 10;

        // Every authority, best on the left.
        Ink.Text(c, "How every authority compares", a.Left, y + 10, TextStyle.Subheading);
        y += 16;
        var all = ctx.Source.All(d.Id, ctx.Year)
            .Where(x => x.Rank is not null && ctx.Figures.Plotted(x) is not null)
            .OrderBy(x => x.Rank).ThenBy(x => x.LaCode)
            .Select(x => new RankedBar(x.LaCode, x.Value!.Value, x.LaCode == la ? Palette.Highlight : Palette.Others)).ToList();
        var rankedKey = ChartStyle.KeyFor(Keys(includeNeighbours: false, bars: true), RankedChart.Marks(all, england?.Value, r?.TargetValue));
        y += ChartStyle.Key(c, a.Left, y, rankedKey, a.Width) + 2;
        var label = ctx.Figures.Plotted(r) is { } v ? $"{ctx.AreaName} {Figures.Percent(v)}" : null;
        LayoutLog.Chart("ranked", rankedKey, RankedChart.Draw(c, new SKRect(a.Left, y, a.Right, y + 165), all, england?.Value, r?.TargetValue, label, la));
        y += 165;
        if (ctx.Figures.Publish)
            Ink.Text(c, "Authorities whose figure is withheld (c) are left out of the charts.", a.Left, y + 9, TextStyle.Small);
        y += 18;

        // Five-year trend beside the neighbour table.
        float half = (a.Width - 18) / 2;
        Ink.Text(c, "Five-year trend", a.Left, y + 10, TextStyle.Subheading);
        var years = ctx.TrendYears;
        TrendChart.Series[] series =
        [
            new("England", Palette.England, years.Select(yr => ctx.Source.National(d.Id, yr)?.Value).ToList(), Dashed: true),
            new("Neighbour average", Palette.Neighbours, years.Select(yr => ctx.Text.Neighbours(ctx.Source.Result(d.Id, yr, la)).Value).ToList(), Dashed: true),
            new(ctx.AreaName, Palette.Highlight, years.Select(yr => ctx.Figures.Plotted(ctx.Source.Result(d.Id, yr, la))).ToList(), Emphasis: true),
        ];
        // The key wraps within the chart's half of the page, so a long name never runs into the neighbour table.
        var trendKey = ChartStyle.KeyFor(Keys(includeNeighbours: true, bars: false), TrendChart.Marks(series, r?.TargetValue));
        float keyHeight = ChartStyle.Key(c, a.Left, y + 15, trendKey, half);
        var trendMarks = TrendChart.Draw(c, new SKRect(a.Left, y + 18 + keyHeight, a.Left + half, a.Bottom - 4), years, series, r?.TargetValue);
        LayoutLog.Chart("trend", trendKey, trendMarks);

        float tx = a.Left + half + 18;
        Ink.Text(c, "Statistical neighbours", tx, y + 10, TextStyle.Subheading);
        NeighbourTable.Draw(c, tx, y + 18, a.Right - tx, ctx, d, la, england);
    }

    private IEnumerable<KeyItem> Keys(bool includeNeighbours, bool bars)
    {
        if (bars)
        {
            yield return new KeyItem(ctx.AreaName, Palette.Highlight, IsBar: true);
            yield return new KeyItem("Other authorities", Palette.Others, IsBar: true);
        }
        else yield return new KeyItem(ctx.AreaName, Palette.Highlight);
        yield return new KeyItem("England", Palette.England, Dashed: true);
        if (includeNeighbours) yield return new KeyItem("Neighbours", Palette.Neighbours, Dashed: true);
        yield return new KeyItem("Target", Palette.Target, Dashed: true);
    }

    public static string SourceName(string source) => source switch
    {
        ResultSource.ChildLevel => "child-level return",
        ResultSource.Aggregate => "QP aggregate return",
        ResultSource.Published => "DfE published statistics",
        _ => source,
    };

    private static float ReadingBox(SKCanvas c, SKRect a, float top, string text)
    {
        var style = new TextStyle(10.5f);
        float h = Ink.ParagraphHeight(text, a.Width - 26, style) + 16;
        Ink.Fill(c, new SKRect(a.Left, top, a.Right, top + h), Palette.Band);
        Ink.Fill(c, new SKRect(a.Left, top, a.Left + 3.5f, top + h), Palette.Highlight);
        Ink.Paragraph(c, text, a.Left + 14, top + 7, a.Width - 26, style);
        return top + h;
    }
}

/// <summary>The indicator's title and description at the top of its pages.</summary>
internal static class IndicatorHeader
{
    public static float Draw(SKCanvas c, SKRect a, float y, IndicatorDefinition d)
    {
        // Long titles (B7) shrink a little, then take a second line.
        var (title, style) = Ink.Fit(d.Title, a.Width, TextStyle.Heading, maxLines: 2, minSize: 14f);
        y += Ink.Lines(c, title, a.Left, y + 1, style) + 3;
        var target = d.Targets.Count == 0 ? "No national target." : "Target: " + string.Join("; ", d.Targets.Select(t => t.Label)) + ".";
        var betterWay = d.Polarity == Polarity.LowerIsBetter ? "Lower is better." : "Higher is better.";
        y += Ink.Paragraph(c, $"{d.Description} {target}".Replace(" Lower is better.", "").Replace(" Higher is better.", "").Replace("; fewer is better.", ".").Replace("; lower is better.", ".").Replace("; higher is better.", ".")
                              + " " + betterWay, a.Left, y, a.Width, TextStyle.Small);
        return y + 8;
    }
}

/// <summary>A row of key figures, each a labelled tile; the target tile carries its status mark and label.</summary>
internal static class KeyFigures
{
    public sealed record Tile(string Label, string Figure, SKColor Colour, ShownStatus? Status = null);

    public static float Draw(SKCanvas c, SKRect a, float top, IReadOnlyList<Tile> tiles)
    {
        const float gap = 6;
        float w = (a.Width - gap * (tiles.Count - 1)) / tiles.Count;
        // A long authority name takes two or three lines in its tile, and every tile in the row grows with it.
        var labels = tiles.Select(t => Ink.Fit(t.Label, w - 12, TextStyle.Small, maxLines: 3, minSize: 7f)).ToList();
        float extra = labels.Max(l => l.Lines.Count * l.Style.LineHeight) - TextStyle.Small.LineHeight;
        float h = 50 + extra;
        for (int i = 0; i < tiles.Count; i++)
        {
            var t = tiles[i];
            float x = a.Left + i * (w + gap);
            using (var p = new SKPaint { Color = Palette.Rule, IsStroke = true, StrokeWidth = 0.6f })
                c.DrawRect(x, top, w, h, p);
            Ink.Fill(c, new SKRect(x, top, x + w, top + 3), t.Colour);
            Ink.Lines(c, labels[i].Lines, x + 6, top + 14 - labels[i].Style.Size, labels[i].Style);
            Ink.Text(c, t.Figure, x + 6, top + 33 + extra, new TextStyle(14f, true, Palette.Text));
            if (t.Status is { } shown && EditionText.Mark(shown) is { } s)
            {
                StatusMark.Draw(c, s, x + 10, top + 41.5f + extra, 3f);
                Ink.Text(c, Figures.Status(s), x + 16, top + 44.5f + extra, TextStyle.SmallBold);
            }
            else if (t.Status is { } other)
                Ink.Text(c, other == ShownStatus.Withheld ? "Status withheld (c)" : EditionText.StatusLabel(other), x + 6, top + 44.5f + extra, TextStyle.SmallBold);
        }
        return top + h;
    }
}

/// <summary>The authority beside its statistical neighbours, with their average and England.</summary>
internal static class NeighbourTable
{
    public static void Draw(SKCanvas c, float x, float top, float width, PackContext ctx, IndicatorDefinition d, int la, NationalResult? england)
    {
        var r = ctx.Source.Result(d.Id, ctx.Year, la);
        var columns = new Column[]
        {
            new("Authority", width - 146), new("Value", 38, SKTextAlign.Right), new("Rank", 54, SKTextAlign.Right), new("vs England", 54),
        };
        TableRow Row(int code, bool own)
        {
            var n = ctx.Source.Result(d.Id, ctx.Year, code);
            return new TableRow(
            [
                ctx.Source.NameOf(code), ctx.Figures.Value(n), ctx.Text.RankCell(n),
                // "Not compared" would wrap in this narrow column and push the table off the page: no comparison is a dash.
                n is null || ctx.Figures.IsSuppressed(n) || n.VsEngland == VsEngland.NotCompared ? Figures.Missing : Figures.VsEngland(n.VsEngland),
            ], Emphasis: own);
        }
        var rows = new List<TableRow> { Row(la, true) };
        rows.AddRange(ctx.Source.NeighboursOf(la).Take(10).Select(n => Row(n, false)));
        rows.Add(new TableRow([new Cell(ctx.Text.NeighbourLabel(r), new TextStyle(7.6f, true)), Figures.Percent(ctx.Text.Neighbours(r).Value), "", ""], RuleAbove: true));
        // The tile above names England's basis; here the short name keeps the row on one line.
        rows.Add(new TableRow([new Cell("England", new TextStyle(7.6f, true)), ctx.Figures.England(d.Id, ctx.Year, england?.Value), "", ""]));
        if (ctx.Source.NeighboursOf(la).Count == 0)
            rows.Insert(1, new TableRow([new Cell("No statistical neighbours are stored.", TextStyle.Small)]));
        Table.DrawCompact(c, x, top, columns, rows);
    }
}
