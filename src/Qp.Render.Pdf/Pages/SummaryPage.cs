using Qp.Domain.Results;
using Qp.Domain.Statements;
using Qp.Render.Pdf.Components;
using SkiaSharp;

namespace Qp.Render.Pdf.Pages;

/// <summary>One-page summary for an authority: every indicator against England, its neighbours and the target.</summary>
internal sealed class SummaryPage(PackContext ctx) : IPage
{
    public string Section => "Summary";

    public void Draw(SKCanvas c, SKRect a)
    {
        int la = ctx.LaCode!.Value;
        float y = a.Top;
        Ink.Text(c, $"Summary: {ctx.AreaName}, {ctx.YearDisplay}", a.Left, y + 16, TextStyle.Heading);
        y += 26;
        y += Ink.Paragraph(c, $"How {ctx.AreaName} performed on each Quality Protects indicator in {ctx.YearDisplay}, " +
                              "beside the England figure, the average of its statistical neighbours and the national target.",
            a.Left, y, a.Width, TextStyle.Body) + 10;

        var results = ctx.Source.Catalogue.Select(d => (d, r: ctx.Source.Result(d.Id, ctx.Year, la))).ToList();
        var shown = results.Where(x => x.r is not null && !ctx.Figures.IsSuppressed(x.r)).Select(x => x.r!).ToList();
        int better = shown.Count(r => r.VsEngland == VsEngland.Better);
        int worse = shown.Count(r => r.VsEngland == VsEngland.Worse);
        // "0 of 0" reads as failure, and a withheld status is not "none": the tile says which.
        var (figure, label) = ctx.Text.TargetsHeadline(results, ctx.Year);
        Headline(c, a.Left, y, a.Width / 3 - 6, figure, label);
        Headline(c, a.Left + a.Width / 3 + 3, y, a.Width / 3 - 6, better.ToString(), $"{(better == 1 ? "indicator" : "indicators")} better than England");
        Headline(c, a.Left + 2 * a.Width / 3 + 6, y, a.Width / 3 - 6, worse.ToString(), $"{(worse == 1 ? "indicator" : "indicators")} worse than England");
        y += 58;

        var columns = new Column[]
        {
            new("Indicator", 127), new("Value", 44, SKTextAlign.Right), new("England", 46, SKTextAlign.Right),
            new("Neighbour average", 54, SKTextAlign.Right), new("Target", 54, SKTextAlign.Right),
            new("Target status", 66), new("Compared with England", 52), new("Rank", 56, SKTextAlign.Right),
        };
        var rows = results.Select(x =>
        {
            var (d, r) = x;
            var status = ctx.Text.Status(d, r, ctx.Year);
            return new TableRow(
            [
                new Cell($"{d.Id}  {ShortTitle(d.Title)}"),
                new Cell(ctx.Figures.Value(r), TextStyle.TableBold),
                ctx.Figures.England(d.Id, ctx.Year, ctx.Source.National(d.Id, ctx.Year)?.Value),
                Figures.Percent(ctx.Text.Neighbours(r).Value),
                ctx.Figures.Target(d, r),
                EditionText.Mark(status) is { } s ? Cell.Status(s) : new Cell(r is null ? Figures.Missing : EditionText.StatusLabel(status)),
                r is null || ctx.Figures.IsSuppressed(r) ? Figures.Missing : Figures.VsEngland(r.VsEngland),
                ctx.Text.RankCell(r),
            ]);
        }).ToList();
        y += Table.Draw(c, a.Left, y, columns, rows) + 10;

        // The key explains the marks the table shows, and only those.
        var drawn = results.Select(x => EditionText.Mark(ctx.Text.Status(x.d, x.r, ctx.Year))).OfType<TargetStatus>().Distinct().ToList();
        var legend = new[] { TargetStatus.Met, TargetStatus.NotMet, TargetStatus.NotYetDue, TargetStatus.NoTarget }.Where(drawn.Contains).ToList();
        LayoutLog.Chart("status key", legend.Select(s => new KeyItem(Figures.Status(s), StatusMark.Colour(s))), drawn.Select(s => StatusMark.Colour(s)));
        if (legend.Count > 0) y = Legend(c, a.Left, y, legend) + 10;
        var notes = new[]
        {
            "Compared with England: Better or Worse when England's figure lies outside the authority's 95% confidence interval; Similar when it lies inside, so the difference may be chance.",
            ctx.Text.EnglandNote,
            "Neighbour average: the plain mean of the figures shown for the authority's statistical neighbours; given only when at least two are shown " +
            "(each indicator's page says how many). Withheld figures are left out.",
            "Rank: 1 is the best authority in England for that indicator; tied authorities share the best rank of the tie, marked = (\"1= of 40\").",
            "Each indicator has its own page with the full comparison, a five-year trend and a neighbour table.",
        };
        foreach (var n in notes) y += Ink.Paragraph(c, n, a.Left, y, a.Width, TextStyle.Small) + 3;
        if (ctx.Figures.Publish)
            Ink.Paragraph(c, "Figures shown as c are withheld to protect confidentiality (counts of 1 to 5, or groups under 10); their status and rank are withheld with them.",
                a.Left, y + 2, a.Width, TextStyle.Small);
    }

    public static string ShortTitle(string title) =>
        title.IndexOf(" (", StringComparison.Ordinal) is var i and > 0 ? title[..i] : title;

    private static void Headline(SKCanvas c, float x, float top, float width, string figure, string label)
    {
        Ink.Fill(c, new SKRect(x, top, x + width, top + 46), Palette.Band);
        Ink.Fill(c, new SKRect(x, top, x + 3, top + 46), Palette.Navy);
        Ink.Text(c, figure, x + 12, top + 24, new TextStyle(17f, true, Palette.Navy));
        // A long label ("… met; 1 more withheld (c)") shrinks to stay inside its tile.
        var (lines, style) = Ink.Fit(label, width - 16, TextStyle.Small, minSize: 6f);
        Ink.Text(c, lines[0], x + 12, top + 38, style);
    }

    /// <summary>The key to the status marks; returns the y below it.</summary>
    public static float Legend(SKCanvas c, float x, float top, IReadOnlyList<TargetStatus> statuses)
    {
        Ink.Text(c, "Target status:", x, top + 9, TextStyle.SmallBold);
        float cx = x + Ink.Width("Target status:", TextStyle.SmallBold) + 8;
        foreach (var s in statuses)
        {
            StatusMark.Draw(c, s, cx + 4, top + 6);
            var label = Figures.Status(s);
            Ink.Text(c, label, cx + 11, top + 9, TextStyle.Small);
            cx += 22 + Ink.Width(label, TextStyle.Small);
        }
        return top + 16;
    }
}
