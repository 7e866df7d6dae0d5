using System.Text;
using Qp.Domain;
using Qp.Domain.Indicators;
using Qp.Domain.Results;
using Qp.Domain.Statements;
using Qp.Render.Pdf;
using Qp.Render.Pdf.Pages;
using static Qp.Render.Html.Markup;

namespace Qp.Render.Html;

/// <summary>England's overview: the national pack's summary, then per indicator the spread of authorities by target status, England's trend and the regions.</summary>
internal static class EnglandPage
{
    public static string Render(EditionPages e)
    {
        var ctx = e.Context(null);
        var sb = new StringBuilder(64 * 1024);
        sb.Append($"<h1>England: Quality Protects national overview, {Text(ctx.YearDisplay)}</h1>\n");
        AuthorityPage.Facts(sb, ctx);
        sb.Append("<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary</h2>\n");
        sb.Append($"<p>England's figure for each Quality Protects indicator in {Text(ctx.YearDisplay)}, the spread of authority values " +
                  "(lower quartile, median, upper quartile) and how many authorities met the target that applies this year.</p>\n");
        Table(sb, "summary-table", $"England, {ctx.YearDisplay}",
            [new("Indicator"), new("England", true), new("Lower quartile", true), new("Median", true), new("Upper quartile", true), new("Target", true),
             new("Authorities meeting target", true), new("England trend")],
            ctx.Source.Catalogue.Select(d => SummaryRow(ctx, d)));
        sb.Append($"<p class=\"note\">{Text(ctx.Text.EnglandNote)} " +
                  "Quartiles: a quarter of authorities have values below the lower quartile and a quarter above the upper quartile.</p>\n</section>\n");
        foreach (var d in ctx.Source.Catalogue) Indicator(sb, e, ctx, d);
        Definitions.Write(sb, ctx);
        Definitions.Quality(sb, ctx);
        return Shell.Page(e, $"England: Quality Protects national overview {ctx.YearDisplay}", sb.ToString());
    }

    /// <summary>One indicator's row of England's summary table, as the national pack prints it.</summary>
    public static IReadOnlyList<Cell> SummaryRow(PackContext ctx, IndicatorDefinition d)
    {
        var n = ctx.Source.National(d.Id, ctx.Year);
        return
        [
            $"{d.Id} {SummaryPage.ShortTitle(d.Title)}", ctx.Figures.England(d.Id, ctx.Year, n?.Value), Figures.Percent(n?.Q1), Figures.Percent(n?.Median), Figures.Percent(n?.Q3),
            Figures.TargetCell(d, n?.TargetValue), NationalIndicatorPage.MetText(ctx, d), n is null ? Figures.Missing : Figures.Trend(n.Trend),
        ];
    }

    private static void Indicator(StringBuilder sb, EditionPages e, PackContext ctx, IndicatorDefinition d)
    {
        var id = Id(d.Id);
        var n = ctx.Source.National(d.Id, ctx.Year);
        sb.Append($"<section class=\"indicator\" aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{Text(d.Id)} {Text(d.Title)}</h2>\n");
        Definitions.Lead(sb, d);
        var reading = n?.Value is null
            ? ctx.Text.NoEnglandFigure(d.Id, ctx.Year, ctx.YearDisplay)
            : $"England's figure was {Figures.Percent(n.Value)} ({ctx.Figures.NationalCount(n.Numerator)} of {ctx.Figures.NationalCount(n.Denominator)}). " +
              $"Half of the {Words.Count(n.Authorities, "authority", "authorities")} with a figure lay between {Figures.Percent(n.Q1)} and {Figures.Percent(n.Q3)}, " +
              $"with a median of {Figures.Percent(n.Median)}. {ctx.Text.NationalTarget(d, ctx.Year, ctx.Source.All(d.Id, ctx.Year), n.TargetValue)} " +
              $"England's five-year trend: {Figures.Trend(n.Trend).ToLowerInvariant()}.";
        sb.Append($"<p class=\"reading england\">{Text(reading)}</p>\n<ul class=\"tiles\">")
          .Append(AuthorityPage.Tile(ctx.Text.EnglandLabel, Text(ctx.Figures.England(d.Id, ctx.Year, n?.Value))))
          .Append(AuthorityPage.Tile("Lower quartile", Text(Figures.Percent(n?.Q1))))
          .Append(AuthorityPage.Tile("Median", Text(Figures.Percent(n?.Median))))
          .Append(AuthorityPage.Tile("Upper quartile", Text(Figures.Percent(n?.Q3))))
          .Append(AuthorityPage.Tile("Meeting target", Text(NationalIndicatorPage.MetText(ctx, d))))
          .Append("</ul>\n");

        sb.Append($"<h3>Every authority, by target status</h3>\n");
        var all = ctx.Source.All(d.Id, ctx.Year).Where(r => r.Rank is not null && ctx.Figures.Plotted(r) is not null)
            .OrderBy(r => r.Rank).ThenBy(r => r.LaCode).ToList();
        // Each bar's status as the edition shows it (the table beside the chart prints the same).
        TargetStatus Shown(IndicatorResult r) => EditionText.Mark(ctx.Text.Status(d, r, ctx.Year)) ?? TargetStatus.NoTarget;
        var statuses = new[] { TargetStatus.Met, TargetStatus.NotMet, TargetStatus.NotYetDue, TargetStatus.NoTarget }.Where(s => all.Any(r => Shown(r) == s)).ToList();
        var desc = $"Bar chart of {Words.Count(all.Count, "authority's", "authorities'")} values for {d.Id}, best on the left, each bar filled by its target status: " +
                   string.Join(", ", statuses.Select(s => $"{Figures.Status(s).ToLowerInvariant()} {Words.Count(all.Count(r => Shown(r) == s), "authority", "authorities")}")) +
                   ". " + AuthorityPage.EnglandLine(ctx, d, n) + (n?.TargetValue is { } t ? $"; the dotted line is the target ({Figures.Percent(t)})." : ".") +
                   " The table below gives every value and status.";
        sb.Append(Charts.StatusKey($"{id}-ranked", statuses));
        sb.Append(Charts.Ranked($"{id}-ranked", $"{d.Id}: every authority's value by target status, {ctx.YearDisplay}", desc,
            all.Select(r => new Bar(r.LaCode, r.Value!.Value, false, Shown(r))).ToList(), n?.Value, n?.TargetValue, null, byStatus: true));
        if (ctx.Figures.Publish) sb.Append("<p class=\"note\">Authorities whose figure is withheld (c) are left out of the chart and the table.</p>\n");
        Table(sb, $"{id}-ranked-table", $"{d.Id}: every authority's value, rank and target status, {ctx.YearDisplay}",
            [new("Authority"), new("Value", true), new("Rank", true), new("Target status")],
            all.Select(r => (IReadOnlyList<Cell>)[new Cell(e.LinkTo(r.LaCode)), ctx.Figures.Value(r), ctx.Text.RankCell(r), Status(Shown(r))]));

        sb.Append("<h3>England over five years</h3>\n");
        var years = ctx.TrendYears;
        sb.Append(Charts.Trend($"{id}-trend", $"{d.Id}: England and the median authority, {CollectionYear.Display(years[0])} to {ctx.YearDisplay}",
            "Line chart over five years: England (solid line, squares) and the median authority (dashed line, circles)" +
            (n?.TargetValue is { } tv ? $", and the target as a dotted red line at {Figures.Percent(tv)}" : "") + ". The table below gives every value.",
            years,
            [
                new("England", years.Select(y => ctx.Source.National(d.Id, y)?.Value).ToList(), "series-england", "square", null, Emphasis: true),
                new("Median authority", years.Select(y => ctx.Source.National(d.Id, y)?.Median).ToList(), "series-median", "circle", "8 4"),
            ], n?.TargetValue));
        Table(sb, $"{id}-trend-table", $"{d.Id}: England over five years", [new("Year"), new("England", true), new("Median authority", true)],
            years.Select(y => (IReadOnlyList<Cell>)[CollectionYear.Display(y), ctx.Figures.England(d.Id, y, ctx.Source.National(d.Id, y)?.Value), Figures.Percent(ctx.Source.National(d.Id, y)?.Median)]));

        sb.Append("<h3>Regions</h3>\n");
        var regions = ctx.Source.All(d.Id, ctx.Year).Select(r => (r, area: ctx.Source.Authority(r.LaCode))).Where(x => x.area is not null)
            .GroupBy(x => x.area!.Region).OrderBy(g => g.Key, StringComparer.Ordinal);
        Table(sb, $"{id}-regions-table", $"{d.Id}: regions, {ctx.YearDisplay}", [new("Region"), new("Region value", true), new("Meeting target", true)],
            regions.Select(g => (IReadOnlyList<Cell>)
            [
                g.Key, ctx.Figures.RegionValue(d.Id, ctx.Year, g.Key, g.Select(x => x.r.RegionAverage).FirstOrDefault(v => v is not null)),
                ctx.Text.MetCell(d, ctx.Year, g.Select(x => x.r)),
            ]));
        sb.Append("</section>\n");
    }
}
