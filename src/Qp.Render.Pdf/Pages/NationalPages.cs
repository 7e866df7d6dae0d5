using Qp.Domain.Indicators;
using Qp.Domain.Results;
using Qp.Domain.Statements;
using Qp.Render.Pdf.Components;
using SkiaSharp;

namespace Qp.Render.Pdf.Pages;

/// <summary>The national overview's summary: England's figure, the spread of authorities and how many met each target.</summary>
internal sealed class NationalSummaryPage(PackContext ctx) : IPage
{
    public string Section => "Summary";

    public void Draw(SKCanvas c, SKRect a)
    {
        float y = a.Top;
        Ink.Text(c, $"Summary: England, {ctx.YearDisplay}", a.Left, y + 16, TextStyle.Heading);
        y += 26;
        y += Ink.Paragraph(c, $"England's figure for each Quality Protects indicator in {ctx.YearDisplay}, the spread of authority values " +
                              "(lower quartile, median, upper quartile) and how many authorities met the target that applies this year.",
            a.Left, y, a.Width, TextStyle.Body) + 12;
        var columns = new Column[]
        {
            new("Indicator", 128), new("England", 48, SKTextAlign.Right), new("Lower quartile", 46, SKTextAlign.Right),
            new("Median", 42, SKTextAlign.Right), new("Upper quartile", 46, SKTextAlign.Right), new("Target", 52, SKTextAlign.Right),
            new("Authorities meeting target", 60, SKTextAlign.Right), new("England trend", 77),
        };
        var rows = ctx.Source.Catalogue.Select(d =>
        {
            var n = ctx.Source.National(d.Id, ctx.Year);
            return new TableRow(
            [
                $"{d.Id}  {SummaryPage.ShortTitle(d.Title)}", new Cell(ctx.Figures.England(d.Id, ctx.Year, n?.Value), TextStyle.TableBold),
                Figures.Percent(n?.Q1), Figures.Percent(n?.Median), Figures.Percent(n?.Q3), Figures.TargetCell(d, n?.TargetValue),
                NationalIndicatorPage.MetText(ctx, d), n is null ? Figures.Missing : Figures.Trend(n.Trend),
            ]);
        }).ToList();
        y += Table.Draw(c, a.Left, y, columns, rows) + 12;
        foreach (var note in new[]
        {
            ctx.Text.EnglandNote,
            "Quartiles: a quarter of authorities have values below the lower quartile and a quarter above the upper quartile.",
            ctx.Figures.Publish
                ? "Authorities meeting target: those whose status is Met, out of those with a target due this year and a figure shown (withheld figures are left out)."
                : "Authorities meeting target: those whose status is Met, out of those with a target due this year.",
            ctx.Source.Catalogue.Any(d => ctx.Figures.Edition?.HidesEngland(d.Id, ctx.Year) == true)
                ? "An England figure shown as c is withheld so that no withheld authority figure can be worked out from it." : "",
        }.Where(note => note.Length > 0))
            y += Ink.Paragraph(c, note, a.Left, y, a.Width, TextStyle.Small) + 3;
    }
}

/// <summary>One indicator nationally: reading, England and spread, every authority's value coloured by target status, England's trend and the regions.</summary>
internal sealed class NationalIndicatorPage(PackContext ctx, IndicatorDefinition d) : IPage
{
    public string Section => $"{d.Id}  {SummaryPage.ShortTitle(d.Title)}";

    /// <summary>"98 of 150" authorities with status Met, out of those whose target is due and shown; "–" when none is.</summary>
    public static string MetText(PackContext ctx, IndicatorDefinition d) => ctx.Text.MetCell(d, ctx.Year, ctx.Source.All(d.Id, ctx.Year));

    public void Draw(SKCanvas c, SKRect a)
    {
        var n = ctx.Source.National(d.Id, ctx.Year);
        float y = IndicatorHeader.Draw(c, a, a.Top, d);

        var reading = n?.Value is null
            ? ctx.Text.NoEnglandFigure(d.Id, ctx.Year, ctx.YearDisplay)
            : $"England's figure was {Figures.Percent(n.Value)} ({ctx.Figures.NationalCount(n.Numerator)} of {ctx.Figures.NationalCount(n.Denominator)}). " +
              $"Half of the {Words.Count(n.Authorities, "authority", "authorities")} with a figure lay between {Figures.Percent(n.Q1)} and {Figures.Percent(n.Q3)}, with a median of {Figures.Percent(n.Median)}. " +
              ctx.Text.NationalTarget(d, ctx.Year, ctx.Source.All(d.Id, ctx.Year), n.TargetValue) +
              $" England's five-year trend: {Figures.Trend(n.Trend).ToLowerInvariant()}.";
        var style = new TextStyle(10.5f);
        float h = Ink.ParagraphHeight(reading, a.Width - 26, style) + 16;
        Ink.Fill(c, new SKRect(a.Left, y, a.Right, y + h), Palette.Band);
        Ink.Fill(c, new SKRect(a.Left, y, a.Left + 3.5f, y + h), Palette.Navy);
        Ink.Paragraph(c, reading, a.Left + 14, y + 7, a.Width - 26, style);
        y += h + 10;

        y = KeyFigures.Draw(c, a, y,
        [
            new(ctx.Text.EnglandLabel, ctx.Figures.England(d.Id, ctx.Year, n?.Value), Palette.England),
            new("Lower quartile", Figures.Percent(n?.Q1), Palette.Others),
            new("Median", Figures.Percent(n?.Median), Palette.Others),
            new("Upper quartile", Figures.Percent(n?.Q3), Palette.Others),
            new("Meeting target", MetText(ctx, d), Palette.Met),
        ]) + 12;

        Ink.Text(c, "Every authority, coloured by target status", a.Left, y + 10, TextStyle.Subheading);
        y += 16;
        var bars = ctx.Source.All(d.Id, ctx.Year)
            .Where(r => r.Rank is not null && ctx.Figures.Plotted(r) is not null)
            .OrderBy(r => r.Rank).ThenBy(r => r.LaCode)
            .Select(r => new RankedBar(r.LaCode, r.Value!.Value, StatusMark.Colour(r.TargetStatus))).ToList();
        // The key lists the statuses the bars show (D78's are all Not yet due in 2001-02) and a target line only where one is drawn.
        var rankedKey = ChartStyle.KeyFor(
            new[] { TargetStatus.Met, TargetStatus.NotMet, TargetStatus.NotYetDue, TargetStatus.NoTarget }
                .Select(s => new KeyItem(Figures.Status(s), StatusMark.Colour(s), IsBar: true))
                .Append(new("England", Palette.England, Dashed: true)).Append(new("Target", Palette.Target, Dashed: true)),
            RankedChart.Marks(bars, n?.Value, n?.TargetValue));
        y += ChartStyle.Key(c, a.Left, y, rankedKey, a.Width) + 2;
        LayoutLog.Chart("ranked", rankedKey, RankedChart.Draw(c, new SKRect(a.Left, y, a.Right, y + 175), bars, n?.Value, n?.TargetValue, null, null));
        y += 175;
        if (ctx.Figures.Publish)
            Ink.Text(c, "Authorities whose figure is withheld (c) are left out of the chart.", a.Left, y + 9, TextStyle.Small);
        y += 18;

        float half = (a.Width - 18) / 2;
        Ink.Text(c, "England over five years", a.Left, y + 10, TextStyle.Subheading);
        var years = ctx.TrendYears;
        TrendChart.Series[] series =
        [
            new("Median authority", Palette.Others, years.Select(yr => ctx.Source.National(d.Id, yr)?.Median).ToList(), Dashed: true),
            new("England", Palette.England, years.Select(yr => ctx.Source.National(d.Id, yr)?.Value).ToList(), Emphasis: true),
        ];
        var trendKey = ChartStyle.KeyFor(
            [new("England", Palette.England), new("Median authority", Palette.Others, Dashed: true), new("Target", Palette.Target, Dashed: true)],
            TrendChart.Marks(series, n?.TargetValue));
        float keyHeight = ChartStyle.Key(c, a.Left, y + 15, trendKey, half);
        var trendMarks = TrendChart.Draw(c, new SKRect(a.Left, y + 18 + keyHeight, a.Left + half, a.Bottom - 4), years, series, n?.TargetValue);
        LayoutLog.Chart("trend", trendKey, trendMarks);

        float tx = a.Left + half + 18;
        Ink.Text(c, "Regions", tx, y + 10, TextStyle.Subheading);
        var all = ctx.Source.All(d.Id, ctx.Year);
        var regions = all
            .Select(r => (r, area: ctx.Source.Authority(r.LaCode)))
            .Where(x => x.area is not null)
            .GroupBy(x => x.area!.Region)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TableRow(
            [
                g.Key,
                // The region's total as the edition shows it (rounded counts, or c, when published).
                ctx.Figures.RegionValue(d.Id, ctx.Year, g.Key, g.Select(x => x.r.RegionAverage).FirstOrDefault(v => v is not null)),
                ctx.Text.MetCell(d, ctx.Year, g.Select(x => x.r)),
            ])).ToList();
        Table.Draw(c, tx, y + 18, [new("Region", a.Right - tx - 110), new("Region value", 50, SKTextAlign.Right), new("Meeting target", 60, SKTextAlign.Right)], regions);
    }
}
