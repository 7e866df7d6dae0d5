using System.Text;
using Qp.Domain;
using Qp.Domain.Disclosure;
using Qp.Domain.Indicators;
using Qp.Domain.Results;
using Qp.Domain.Statements;
using Qp.Render.Pdf;
using Qp.Render.Pdf.Pages;
using static Qp.Render.Html.Markup;

namespace Qp.Render.Html;

/// <summary>One authority's page: the pack's summary, each indicator (reading, key figures, charts with their tables, neighbours), definitions and data-quality notes.</summary>
internal static class AuthorityPage
{
    public static string Render(EditionPages e, int la)
    {
        var ctx = e.Context(la);
        var sb = new StringBuilder(64 * 1024);
        sb.Append($"<h1>{Text(ctx.AreaName)}: Quality Protects performance, {Text(ctx.YearDisplay)}</h1>\n");
        Facts(sb, ctx);
        sb.Append("<nav class=\"contents\" aria-label=\"On this page\"><h2 class=\"plain\" id=\"contents\">Contents</h2><ol>")
          .Append("<li><a href=\"#summary\">Summary</a></li>");
        foreach (var d in ctx.Source.Catalogue) sb.Append($"<li><a href=\"#{Id(d.Id)}\">{Text(d.Id)} {Text(SummaryPage.ShortTitle(d.Title))}</a></li>");
        sb.Append("<li><a href=\"#definitions\">Definitions</a></li><li><a href=\"#quality\">Notes on data quality</a></li></ol></nav>\n");
        Summary(sb, ctx);
        foreach (var d in ctx.Source.Catalogue) Indicator(sb, e, ctx, d);
        Definitions.Write(sb, ctx);
        Definitions.Quality(sb, ctx);
        return Shell.Page(e, $"{ctx.AreaName}: Quality Protects performance {ctx.YearDisplay}", sb.ToString());
    }

    /// <summary>Who the page is about, which year and which edition: the pack's cover facts.</summary>
    public static void Facts(StringBuilder sb, PackContext ctx)
    {
        sb.Append("<dl class=\"facts\">");
        if (ctx.LaCode is { } la && ctx.Source.Authority(la) is { } a)
        {
            sb.Append($"<dt>Authority</dt><dd>{Text(a.Name)} (code {a.Code}, {Text(a.OnsCode)})</dd>");
            sb.Append($"<dt>Region and type</dt><dd>{Text(a.Region)}, {Text(a.Type.ToLowerInvariant())}</dd>");
        }
        sb.Append($"<dt>Collection year</dt><dd>{Text(ctx.YearDisplay)} (1 April {ctx.Year - 1} to 31 March {ctx.Year})</dd>");
        sb.Append($"<dt>Edition</dt><dd>{(ctx.Figures.Publish ? "For publication: disclosure control applied (small numbers shown as c)" : "Not for publication: contains unsuppressed small numbers")}</dd>");
        sb.Append("</dl>\n");
    }

    private static void Summary(StringBuilder sb, PackContext ctx)
    {
        int la = ctx.LaCode!.Value;
        sb.Append($"<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary</h2>\n");
        sb.Append($"<p>How {Text(ctx.AreaName)} performed on each Quality Protects indicator in {Text(ctx.YearDisplay)}, beside the England figure, " +
                  "the average of its statistical neighbours and the national target.</p>\n");
        var results = ctx.Source.Catalogue.Select(d => (d, r: ctx.Source.Result(d.Id, ctx.Year, la))).ToList();
        var shown = results.Where(x => x.r is not null && !ctx.Figures.IsSuppressed(x.r)).Select(x => x.r!).ToList();
        var (figure, label) = ctx.Text.TargetsHeadline(results, ctx.Year);
        int better = shown.Count(r => r.VsEngland == VsEngland.Better), worse = shown.Count(r => r.VsEngland == VsEngland.Worse);
        sb.Append("<ul class=\"tiles\">")
          .Append($"<li><span class=\"figure\">{Text(figure)}</span> {Text(label)}</li>")
          .Append($"<li><span class=\"figure\">{better}</span> {(better == 1 ? "indicator" : "indicators")} better than England</li>")
          .Append($"<li><span class=\"figure\">{worse}</span> {(worse == 1 ? "indicator" : "indicators")} worse than England</li></ul>\n");
        Table(sb, "summary-table", $"Every indicator for {ctx.AreaName}, {ctx.YearDisplay}",
            [new("Indicator"), new("Value", true), new("England", true), new("Neighbour average", true), new("Target", true), new("Target status"), new("Compared with England"), new("Rank", true)],
            results.Select(x => SummaryRow(ctx, x.d, x.r)));
        sb.Append("<p class=\"note\">Compared with England: Better or Worse when England's figure lies outside the authority's 95% confidence interval; " +
                  $"Similar when it lies inside, so the difference may be chance. {Text(ctx.Text.EnglandNote)} Neighbour average: the mean of the figures shown " +
                  "for the authority's statistical neighbours, given only when at least two are shown. Rank: 1 is the best authority in England; " +
                  "tied authorities share the best rank of the tie, marked = (\"1= of 40\").</p>\n</section>\n");
    }

    /// <summary>One indicator's row of the summary table, cell for cell as the pack's summary page prints it.</summary>
    public static IReadOnlyList<Cell> SummaryRow(PackContext ctx, IndicatorDefinition d, IndicatorResult? r)
    {
        var status = ctx.Text.Status(d, r, ctx.Year);
        return
        [
            $"{d.Id} {SummaryPage.ShortTitle(d.Title)}", ctx.Figures.Value(r), ctx.Figures.England(d.Id, ctx.Year, ctx.Source.National(d.Id, ctx.Year)?.Value),
            Figures.Percent(ctx.Text.Neighbours(r).Value), ctx.Figures.Target(d, r),
            EditionText.Mark(status) is { } s ? Status(s) : r is null ? Figures.Missing : EditionText.StatusLabel(status),
            r is null || ctx.Figures.IsSuppressed(r) ? Figures.Missing : Figures.VsEngland(r.VsEngland),
            ctx.Text.RankCell(r),
        ];
    }

    private static void Indicator(StringBuilder sb, EditionPages e, PackContext ctx, IndicatorDefinition d)
    {
        int la = ctx.LaCode!.Value;
        var id = Id(d.Id);
        var r = ctx.Source.Result(d.Id, ctx.Year, la);
        var england = ctx.Source.National(d.Id, ctx.Year);
        sb.Append($"<section class=\"indicator\" aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{Text(d.Id)} {Text(d.Title)}</h2>\n");
        Definitions.Lead(sb, d);
        sb.Append($"<p class=\"reading\">{Text(ctx.Text.Reading(d, r, england, ctx.AreaName, ctx.Year))}</p>\n");
        var status = d.Targets.Count > 0 ? ctx.Text.Status(d, r, ctx.Year) : (ShownStatus?)null;
        var statusHtml = status is not { } shown ? "" : EditionText.Mark(shown) is { } s ? $"<br>{Status(s).Html}"
            : $"<br>{Text(shown == ShownStatus.Withheld ? "Status withheld (c)" : EditionText.StatusLabel(shown))}";
        sb.Append("<ul class=\"tiles\">")
          .Append(Tile(ctx.AreaName, Text(ctx.Figures.Value(r))))
          .Append(Tile(ctx.Text.EnglandLabel, Text(ctx.Figures.England(d.Id, ctx.Year, england?.Value))))
          .Append(Tile(ctx.Text.NeighbourLabel(r), Text(Figures.Percent(ctx.Text.Neighbours(r).Value))))
          .Append(Tile("Target", Text(ctx.Figures.Target(d, r)) + statusHtml))
          .Append(Tile("Rank in England", Text(ctx.Text.RankCell(r))))
          .Append("</ul>\n");
        if (r is not null)
        {
            sb.Append("<ul>")
              .Append($"<li>Numerator {Text(ctx.Figures.Numerator(r))} of {Text(ctx.Figures.AuthorityCount(r.Denominator))}</li>")
              .Append($"<li>95% interval {Text(ctx.Figures.IsSuppressed(r) ? "c" : $"{Figures.Percent(r.Ci95Lower)} to {Figures.Percent(r.Ci95Upper)}")}</li>")
              .Append($"<li>Change on {Text(CollectionYear.Display(ctx.Year - 1))}: {Text(ctx.HidesChange(r) ? "c" : Figures.Points(r.ChangePp))}</li>")
              .Append($"<li>Source: {Text(IndicatorPage.SourceName(r.Source))}</li></ul>\n");
        }
        else sb.Append("<p>No figures stored for this year.</p>\n");

        // Every authority, best first: the chart, then the same figures as a table.
        sb.Append($"<h3 id=\"{id}-ranked-h\">How every authority compares</h3>\n");
        var all = ctx.Source.All(d.Id, ctx.Year).Where(x => x.Rank is not null && ctx.Figures.Plotted(x) is not null)
            .OrderBy(x => x.Rank).ThenBy(x => x.LaCode).ToList();
        var own = ctx.Figures.Plotted(r) is { } v ? $"{ctx.AreaName} {Figures.Percent(v)}" : null;
        var rank = all.FindIndex(x => x.LaCode == la);
        var desc = $"Bar chart of {Words.Count(all.Count, "authority's", "authorities'")} values for {d.Id}, best on the left. " +
                   (own is null ? $"{ctx.AreaName} has no figure shown. " : $"{ctx.AreaName} is bar {rank + 1}, marked with a triangle, at {Figures.Percent(ctx.Figures.Plotted(r))}. ") +
                   EnglandLine(ctx, d, england) + (r?.TargetValue is { } t ? $"; the dotted line is the target ({Figures.Percent(t)})." : ".") +
                   " The table below gives every value.";
        sb.Append(Charts.Ranked($"{id}-ranked", $"{d.Id}: every authority's value, {ctx.YearDisplay}", desc,
            all.Select(x => new Bar(x.LaCode, x.Value!.Value, x.LaCode == la, x.TargetStatus)).ToList(), england?.Value, r?.TargetValue, own, byStatus: false));
        if (ctx.Figures.Publish) sb.Append("<p class=\"note\">Authorities whose figure is withheld (c) are left out of the chart and the table.</p>\n");
        Table(sb, $"{id}-ranked-table", $"{d.Id}: every authority's value and rank, {ctx.YearDisplay}",
            [new("Authority"), new("Value", true), new("Rank", true)],
            all.Select(x => (IReadOnlyList<Cell>)[new Cell(e.LinkTo(x.LaCode)), ctx.Figures.Value(x), ctx.Text.RankCell(x)]), emphasisedRowHeading: null);

        sb.Append($"<h3 id=\"{id}-trend-h\">Five-year trend</h3>\n");
        var years = ctx.TrendYears;
        var lines = new List<Line>
        {
            new(ctx.AreaName, years.Select(y => ctx.Figures.Plotted(ctx.Source.Result(d.Id, y, la))).ToList(), "series-own", "circle", null, Emphasis: true),
            new("England", years.Select(y => ctx.Source.National(d.Id, y)?.Value).ToList(), "series-england", "square", "8 4"),
            new("Neighbour average", years.Select(y => ctx.Text.Neighbours(ctx.Source.Result(d.Id, y, la)).Value).ToList(), "series-neighbours", "diamond", "3 3"),
        };
        sb.Append(Charts.Trend($"{id}-trend", $"{d.Id}: {ctx.AreaName}, England and the neighbour average, {CollectionYear.Display(years[0])} to {ctx.YearDisplay}",
            $"Line chart over five years: {ctx.AreaName} (solid line, circles), England (dashed line, squares), neighbour average (dotted line, diamonds)" +
            (r?.TargetValue is { } tv ? $", and the target as a dotted red line at {Figures.Percent(tv)}" : "") + ". The table below gives every value.",
            years, lines, r?.TargetValue));
        Table(sb, $"{id}-trend-table", $"{d.Id}: five-year trend", [new("Year"), new(ctx.AreaName, true), new("England", true), new("Neighbour average", true)],
            years.Select(y => (IReadOnlyList<Cell>)
            [
                CollectionYear.Display(y), ctx.Figures.Value(ctx.Source.Result(d.Id, y, la)),
                ctx.Figures.England(d.Id, y, ctx.Source.National(d.Id, y)?.Value), Figures.Percent(ctx.Text.Neighbours(ctx.Source.Result(d.Id, y, la)).Value),
            ]));

        sb.Append($"<h3 id=\"{id}-sn-h\">Statistical neighbours</h3>\n");
        var neighbours = ctx.Source.NeighboursOf(la);
        if (neighbours.Count == 0) sb.Append("<p>No statistical neighbours are stored.</p>\n");
        var rows = new List<IReadOnlyList<Cell>> { NeighbourRow(e, ctx, d, la) };
        rows.AddRange(neighbours.Take(10).Select(n => NeighbourRow(e, ctx, d, n)));
        rows.Add([ctx.Text.NeighbourLabel(r), Figures.Percent(ctx.Text.Neighbours(r).Value), "", ""]);
        rows.Add([ctx.Text.EnglandLabel, ctx.Figures.England(d.Id, ctx.Year, england?.Value), "", ""]);
        Table(sb, $"{id}-sn-table", $"{d.Id}: {ctx.AreaName} beside its statistical neighbours", [new("Authority"), new("Value", true), new("Rank", true), new("Compared with England")],
            rows, emphasisedRowHeading: ctx.AreaName);
        sb.Append("</section>\n");
    }

    private static IReadOnlyList<Cell> NeighbourRow(EditionPages e, PackContext ctx, IndicatorDefinition d, int code)
    {
        var n = ctx.Source.Result(d.Id, ctx.Year, code);
        return
        [
            code == ctx.LaCode ? ctx.Source.NameOf(code) : new Cell(e.LinkTo(code)), ctx.Figures.Value(n), ctx.Text.RankCell(n),
            n is null || ctx.Figures.IsSuppressed(n) ? Figures.Missing : Figures.VsEngland(n.VsEngland),
        ];
    }

    /// <summary>What a ranked chart's description says of England's line: its figure, or why none is drawn (withheld as c, or not stored).</summary>
    public static string EnglandLine(PackContext ctx, IndicatorDefinition d, NationalResult? england) =>
        england?.Value is { } v ? $"The dashed line is England ({Figures.Percent(v)})"
        : ctx.Figures.Edition?.HidesEngland(d.Id, ctx.Year) == true ? $"No England line is drawn: England's figure is withheld ({DisclosureControl.Suppressed})"
        : $"No England line is drawn: no England figure is stored ({Figures.Missing})";

    /// <summary>A key-figure tile: its label, then its figure (markup).</summary>
    public static string Tile(string label, string figureHtml) => $"<li>{Text(label)}<span class=\"figure\">{figureHtml}</span></li>";
}
