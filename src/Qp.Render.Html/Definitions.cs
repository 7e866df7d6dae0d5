using System.Text;
using Qp.Domain;
using Qp.Domain.Disclosure;
using Qp.Domain.Indicators;
using Qp.Render.Pdf;
using Qp.Render.Pdf.Pages;
using static Qp.Render.Html.Markup;

namespace Qp.Render.Html;

/// <summary>The text sections every page shares with the packs: an indicator's lead, the definitions, and the notes on data quality.</summary>
internal static class Definitions
{
    /// <summary>The indicator's description, its targets and which way is better, under its heading.</summary>
    public static void Lead(StringBuilder sb, IndicatorDefinition d)
    {
        var target = d.Targets.Count == 0 ? "No national target." : "Target: " + string.Join("; ", d.Targets.Select(t => t.Label)) + ".";
        sb.Append($"<p>{Text(d.Description)} {Text(target)} <strong>{(d.Polarity == Polarity.LowerIsBetter ? "Lower is better." : "Higher is better.")}</strong></p>\n");
    }

    /// <summary>Each indicator in plain English (what it measures, why it matters, which way is better), then the technical definitions as an appendix.</summary>
    public static void Write(StringBuilder sb, PackContext ctx)
    {
        sb.Append("<section aria-labelledby=\"definitions\">\n<h2 id=\"definitions\">Definitions</h2>\n");
        foreach (var d in ctx.Source.Catalogue)
        {
            sb.Append($"<h3 id=\"def-{Id(d.Id)}\">{Text(d.Id)} {Text(d.Title)}</h3>\n");
            if (d.Plain is { } plain)
                sb.Append($"<dl class=\"facts\"><dt>What it measures</dt><dd>{Text(plain.Measures)}</dd><dt>Why it matters</dt><dd>{Text(plain.Matters)}</dd>")
                  .Append($"<dt>Which way is better</dt><dd>{Text(plain.Better)}</dd></dl>\n");
            else sb.Append($"<p>{Text(d.Description)}</p>\n");
        }
        sb.Append($"<p>{Text(ctx.Text.EnglandNote)}</p>\n<h3 id=\"technical\">Appendix: technical definitions</h3>\n");
        foreach (var d in ctx.Source.Catalogue)
        {
            sb.Append($"<h4>{Text(d.Id)} {Text(d.Title)}</h4>\n<p>{Text(d.Description)}</p>\n<dl class=\"facts\">")
              .Append($"<dt>Numerator</dt><dd>{Text(d.Numerator)}</dd><dt>Denominator</dt><dd>{Text(d.Denominator)}</dd>")
              .Append($"<dt>Target</dt><dd>{Text(d.Targets.Count == 0 ? "none" : string.Join("; ", d.Targets.Select(t => t.Label)))}</dd>")
              .Append($"<dt>Better</dt><dd>{(d.Polarity == Polarity.LowerIsBetter ? "Lower" : "Higher")}</dd></dl>\n");
        }
        sb.Append("</section>\n");
    }

    /// <summary>Where each figure came from (an authority's page), the returns' warnings grouped by rule, and the disclosure rules applied.</summary>
    public static void Quality(StringBuilder sb, PackContext ctx)
    {
        sb.Append("<section aria-labelledby=\"quality\">\n<h2 id=\"quality\">Notes on data quality</h2>\n");
        if (ctx.LaCode is { } la)
        {
            sb.Append("<h3>Where the figures come from</h3>\n");
            Table(sb, "sources-table", $"Source of each figure for {ctx.AreaName}, {ctx.YearDisplay}",
                [new("Indicator"), new("Source"), new("Numerator", true), new("Denominator", true)],
                ctx.Source.Catalogue.Select(d => ctx.Source.Result(d.Id, ctx.Year, la) is { } r
                    ? (IReadOnlyList<Cell>)[$"{d.Id} {SummaryPage.ShortTitle(d.Title)}", IndicatorPage.SourceName(r.Source), ctx.Figures.Numerator(r), ctx.Figures.AuthorityCount(r.Denominator)]
                    : [$"{d.Id} {SummaryPage.ShortTitle(d.Title)}", "no figure stored", Figures.Missing, Figures.Missing]));
        }
        sb.Append($"<h3>Validation warnings, {Text(CollectionYear.Display(ctx.Year - 4))} to {Text(ctx.YearDisplay)}</h3>\n");
        var groups = ctx.Source.Warnings(ctx.LaCode, ctx.Year).GroupBy(w => (w.Year, w.Message.Code))
            .OrderByDescending(g => g.Key.Year).ThenBy(g => g.Key.Code, StringComparer.Ordinal).ToList();
        if (groups.Count == 0)
            sb.Append($"<p>No validation warnings are stored for {(ctx.LaCode is null ? "any authority's" : "this authority's")} returns for these years.</p>\n");
        else
        {
            sb.Append("<p>Warnings do not stop a return being accepted, but they can affect the figures. They are grouped by year and rule; the message shown is the first of each group.</p>\n");
            Table(sb, "warnings-table", "Validation warnings by year and rule",
                [new("Year"), new("Rule"), new("Authorities", true), new("Warnings", true), new("Example message")],
                groups.Select(g =>
                {
                    var first = g.First().Message;
                    // A published edition names the rule, table, field and line, never the message's text or file name, which may quote a value.
                    var example = ctx.Figures.Publish
                        ? Qp.Domain.Validation.PublishedMessage.Text(first, ctx.Source.Data.Rules.GetValueOrDefault(first.Code))
                        : $"{first.Message} ({first.File})";
                    return (IReadOnlyList<Cell>)[CollectionYear.Display(g.Key.Year), g.Key.Code, Figures.Count(g.Select(w => w.LaCode).Distinct().Count()), Figures.Count(g.Count()), example];
                }));
        }
        sb.Append("<h3>Disclosure control</h3>\n");
        if (ctx.Figures.Publish)
        {
            sb.Append("<p>This edition is for publication. These rules were applied, and charts leave out withheld figures:</p>\n<ul>");
            foreach (var rule in DisclosureControl.Rules) sb.Append($"<li>{Text(rule)}</li>");
            sb.Append("</ul>\n");
        }
        else sb.Append("<p>This edition is not for publication: small numbers are shown unsuppressed. Produce a publishable edition with --publish.</p>\n");
        sb.Append("</section>\n");
    }
}
