using Qp.Domain;
using Qp.Domain.Indicators;
using Qp.Domain.Results;

namespace Qp.Render.Pdf.Components;

/// <summary>The plain-English reading of an authority's result, composed from the stored figures only.</summary>
internal static class Reading
{
    /// <summary>What the percentage is "of", per indicator, so the sentence reads naturally.</summary>
    private static readonly Dictionary<string, string> Phrases = new()
    {
        ["A1"] = "of children looked after at 31 March had three or more placements in the year",
        ["A2"] = "of young people leaving care aged 16 or over left with at least one GCSE (A*–G) or GNVQ",
        ["A3"] = "of registrations on the child protection register were of children registered before",
        ["B7"] = "of children looked after at 31 March were in foster placements or placed for adoption",
        ["C23"] = "of children looked after for six months or more were adopted during the year",
        ["D78"] = "of children under 16 looked after for two and a half years or more had been in the same placement for at least two years",
        ["HA"] = "of children looked after for twelve months had up-to-date health assessments",
    };

    public static string Compose(PackContext ctx, IndicatorDefinition d, IndicatorResult? r, NationalResult? england)
    {
        var name = ctx.AreaName;
        var englandText = Figures.Percent(england?.Value);
        // Withheld before missing: a published edition leaves a withheld value out of its figures altogether.
        if (r is not null && ctx.Figures.IsSuppressed(r))
            return $"The figure for {name} in {ctx.YearDisplay} is not published (shown as c) because it rests on a count of fewer than six " +
                   $"children or on a group of fewer than ten. England's figure was {englandText}.";
        if (r?.Value is null)
            return $"No figure is stored for {name} for {ctx.YearDisplay}. England's figure was {englandText}.";

        var phrase = Phrases.TryGetValue(d.Id, out var p) ? p : $"was the value of {d.Title}";
        var first = $"{Figures.Percent(r.Value)} {phrase} — {Versus(r.VsEngland, englandText)}{TargetClause(ctx, d, r)}.";

        var parts = new List<string> { first };
        if (r.SnAverage is { } sn) parts.Add($"The average of its statistical neighbours was {Figures.Percent(sn)}.");
        if (r.Rank is { } rank && r.RankOf is { } of)
            parts.Add($"It ranks {Ordinal(rank)} of {of} authorities{(r.QuartileBand is { } q ? $" (quartile band {q}, where A is the best quarter)" : "")}.");
        if (r.ChangePp is { } change && !ctx.HidesChange(r))
            parts.Add(change == 0
                ? $"The figure is unchanged from {CollectionYear.Display(ctx.Year - 1)}."
                : $"That is {Math.Abs(change):0.0} points {(change > 0 ? "higher" : "lower")} than in {CollectionYear.Display(ctx.Year - 1)}.");
        parts.Add(ctx.Figures.Edition is { } e && e.Hides(r, Qp.Domain.Disclosure.Withheld.Trend)
            ? "The five-year trend is not published, because one of its years rests on a count too small to publish."
            : r.Trend switch
        {
            Trend.Increasing => "Over the last five years the figure has risen significantly.",
            Trend.Decreasing => "Over the last five years the figure has fallen significantly.",
            Trend.NoSignificantChange => "Over the last five years there has been no statistically significant change.",
            _ => "There are fewer than five consecutive years of figures, so no trend can be tested.",
        });
        return string.Join(" ", parts);
    }

    private static string Versus(VsEngland v, string england) => v switch
    {
        VsEngland.Better => $"better than England ({england})",
        VsEngland.Worse => $"worse than England ({england})",
        VsEngland.Similar => $"similar to England ({england}) once chance variation is allowed for",
        _ => "no comparison with England is possible",
    };

    private static string TargetClause(PackContext ctx, IndicatorDefinition d, IndicatorResult r)
    {
        // A relative target (A3) has no single national value: name the authority's own.
        var target = r.TargetValue is null && d.Targets.Where(t => t.FromYear <= ctx.Year).MaxBy(t => t.FromYear) is { } own
            ? Sentences.LowerFirst(PackFonts.Clean(own.Label)) : Figures.TargetPhrase(d, r.TargetValue);
        return r.TargetStatus switch
        {
            TargetStatus.Met => $", and meeting the target of {target}",
            TargetStatus.NotMet => $", and not meeting the target of {target}" +
                                   (r.TargetDistance is { } dist ? $" ({Math.Abs(dist):0.0} points short)" : ""),
            TargetStatus.NotYetDue => d.Targets.FirstOrDefault(t => t.FromYear > ctx.Year) is { } next
                ? $"; the target ({Sentences.LowerFirst(PackFonts.Clean(next.Label))}) applies from {CollectionYear.Display(next.FromYear)}"
                : "; the target is not yet due",
            _ => d.Targets.Count == 0 ? "; there is no national target for this indicator" : "",
        };
    }

    private static string Ordinal(int n) => n + (n % 100 is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}
