using Qp.Domain;
using Qp.Domain.Disclosure;
using Qp.Domain.Indicators;
using Qp.Render.Pdf.Components;
using SkiaSharp;

namespace Qp.Render.Pdf.Pages;

/// <summary>Definitions: each indicator's description, numerator, denominator, targets and bands, then the terms the pack uses.</summary>
internal static class DefinitionsPages
{
    public static IReadOnlyList<IPage> Build(PackContext ctx)
    {
        var blocks = new List<IBlock> { new TextBlock("Definitions", TextStyle.Heading, 10) };
        // What a councillor reads first: each indicator in plain English, no codes.
        foreach (var d in ctx.Source.Catalogue)
        {
            blocks.Add(new TextBlock(d.Title, TextStyle.Subheading, 3));
            if (d.Plain is { } plain)
            {
                blocks.Add(new TextBlock("What it measures: " + plain.Measures, TextStyle.Body, 2));
                blocks.Add(new TextBlock("Why it matters: " + plain.Matters, TextStyle.Body, 2));
                blocks.Add(new TextBlock("Which way is better: " + plain.Better, TextStyle.Body, 10));
            }
            else blocks.Add(new TextBlock(d.Description, TextStyle.Body, 10));
        }
        blocks.Add(new TextBlock("Terms used in this pack", TextStyle.Subheading, 4));
        foreach (var term in Terms.Prepend(ctx.Text.EnglandNote)) blocks.Add(new TextBlock(term, TextStyle.Small, 3));

        // The technical definitions, with the return's codes, for analysts.
        blocks.Add(new TextBlock("Appendix: technical definitions", TextStyle.Subheading, 6));
        foreach (var d in ctx.Source.Catalogue)
        {
            blocks.Add(new TextBlock(d.Title, TextStyle.SmallBold, 2));
            blocks.Add(new TextBlock(d.Description, TextStyle.Small, 2, 10));
            blocks.Add(new TextBlock("Numerator: " + d.Numerator, TextStyle.Small, 2, 10));
            blocks.Add(new TextBlock("Denominator: " + d.Denominator, TextStyle.Small, 2, 10));
            var targets = d.Targets.Count == 0 ? "none" : string.Join("; ", d.Targets.Select(t => t.Label));
            var bands = d.BandThresholds.Count == 4
                ? $"PAF bands from thresholds {string.Join(", ", d.BandThresholds.Select(t => t.ToString("0.#")))}%"
                : "PAF bands from quintiles of authority values";
            blocks.Add(new TextBlock($"Target: {targets}.  {(d.Polarity == Polarity.LowerIsBetter ? "Lower" : "Higher")} is better.  {bands}.",
                TextStyle.Small, 10, 10));
        }
        return Flow.Paginate("Definitions", blocks);
    }

    private static readonly string[] Terms =
    [
        "Value: 100 × numerator ÷ denominator, to one decimal place.",
        "95% interval: the Wilson score interval; the range in which the authority's underlying rate probably lies given the size of its group.",
        "Compared with England: Similar when England's value lies inside the authority's 95% interval; otherwise Better or Worse according to which way is better.",
        "Neighbour average: the plain mean of the figures shown for the authority's statistical neighbours, given only when at least two are shown; each page says how many it rests on.",
        "Rank: 1 is the best authority; tied authorities share the best rank of the tie, marked = (\"1= of 40\"), and a rank or band resting on a tie says so. Quartile band A is the best quarter of authorities, D the worst.",
        "Trend: the χ² test for trend in proportions over the latest five consecutive years.",
        "Target status: Met or Not met once the target applies; Not yet due before then; c when withheld with the figure it would reveal; No figure when there is nothing to judge.",
    ];
}

/// <summary>Data-quality notes: where each figure came from, the returns' validation warnings aggregated by rule, and the disclosure rules applied.</summary>
internal static class DataQualityPages
{
    public static IReadOnlyList<IPage> Build(PackContext ctx)
    {
        var blocks = new List<IBlock> { new TextBlock("Notes on data quality", TextStyle.Heading, 10) };

        if (ctx.LaCode is { } la)
        {
            blocks.Add(new TextBlock("Where the figures come from", TextStyle.Subheading, 4));
            var rows = ctx.Source.Catalogue.Select(d => ctx.Source.Result(d.Id, ctx.Year, la) is { } r
                ? new TableRow([d.Id, SummaryPage.ShortTitle(d.Title), IndicatorPage.SourceName(r.Source),
                    ctx.Figures.Numerator(r), ctx.Figures.Denominator(r)])
                : new TableRow([d.Id, SummaryPage.ShortTitle(d.Title), "no figure stored", Figures.Missing, Figures.Missing])).ToList();
            blocks.Add(new TableBlock(
                [new("Id", 34), new("Indicator", 200), new("Source", 125), new("Numerator", 70, SKTextAlign.Right), new("Denominator", 70, SKTextAlign.Right)],
                rows));
        }

        blocks.Add(new TextBlock($"Validation warnings, {CollectionYear.Display(ctx.Year - 4)} to {ctx.YearDisplay}", TextStyle.Subheading, 4));
        var warnings = ctx.Source.Warnings(ctx.LaCode, ctx.Year).ToList();
        if (warnings.Count == 0)
        {
            blocks.Add(new TextBlock(ctx.LaCode is null
                ? "No validation warnings are stored for any authority's returns for these years."
                : "No validation warnings are stored for this authority's returns for these years.", TextStyle.Body, 10));
        }
        else
        {
            blocks.Add(new TextBlock(
                "Warnings do not stop a return being accepted, but they can affect the figures. They are grouped by year and rule; " +
                "the message shown is the first of each group.", TextStyle.Small, 6));
            var groups = warnings.GroupBy(w => (w.Year, w.Message.Code)).OrderByDescending(g => g.Key.Year).ThenBy(g => g.Key.Code, StringComparer.Ordinal);
            var columns = ctx.LaCode is null
                ? new Column[] { new("Year", 46), new("Rule", 40), new("Authorities", 56, SKTextAlign.Right), new("Warnings", 50, SKTextAlign.Right), new("Example message", 307) }
                : [new("Year", 46), new("Rule", 40), new("Warnings", 50, SKTextAlign.Right), new("Example message", 363)];
            var rows = groups.Select(g =>
            {
                var first = g.First().Message;
                // A published pack names the rule, table, field and line, never the message's text or file name, which may quote a value.
                var example = ctx.Figures.Publish
                    ? Qp.Domain.Validation.PublishedMessage.Text(first, ctx.Source.Data.Rules.GetValueOrDefault(first.Code))
                    : $"{first.Message} ({first.File})";
                return ctx.LaCode is null
                    ? new TableRow([CollectionYear.Display(g.Key.Year), g.Key.Code, Figures.Count(g.Select(w => w.LaCode).Distinct().Count()), Figures.Count(g.Count()), example])
                    : new TableRow([CollectionYear.Display(g.Key.Year), g.Key.Code, Figures.Count(g.Count()), example]);
            }).ToList();
            blocks.Add(new TableBlock(columns, rows));
        }

        blocks.Add(new TextBlock("Disclosure control", TextStyle.Subheading, 4));
        if (ctx.Figures.Publish)
        {
            blocks.Add(new TextBlock("This edition is for publication. These rules were applied, and charts leave out withheld figures:", TextStyle.Body, 3));
            foreach (var rule in DisclosureControl.Rules) blocks.Add(new TextBlock("•  " + rule, TextStyle.Body, 2, 8));
        }
        else
        {
            blocks.Add(new TextBlock("This edition is not for publication: small numbers are shown unsuppressed. Produce a publishable edition with --publish.", TextStyle.Body, 3));
        }
        return Flow.Paginate("Data quality", blocks);
    }
}
