using Qp.Domain;
using Qp.Domain.Indicators;

namespace Qp.Render.Pdf.Components;

/// <summary>The generated sentences whose wording turns on a count (none, one, many) or on whether a target applies, in plain English.</summary>
internal static class Sentences
{
    /// <summary>"1 authority", "3 authorities".</summary>
    public static string Count(int n, string one, string many) => $"{n:#,0} {(n == 1 ? one : many)}";

    /// <summary>The summary page's first tile: how many targets due this year were met, or why there is nothing to count.</summary>
    /// <param name="met">Targets due and met among those shown.</param>
    /// <param name="due">Targets due (Met or Not met) among those shown.</param>
    /// <param name="withheld">Targets due whose status is withheld with a suppressed figure.</param>
    public static (string Figure, string Label) TargetsHeadline(int met, int due, int withheld)
    {
        if (due > 0)
            return ($"{met} of {due}", (due == 1 ? "target due this year met" : "targets due this year met") + (withheld > 0 ? $" ({withheld} withheld)" : ""));
        if (withheld > 0)
            return ("c", withheld == 1 ? "The one target due this year is withheld" : $"All {withheld} targets due this year are withheld");
        return ("None", "No targets are due this year");
    }

    /// <summary>The summary tiles comparing with England: "1 indicator better than England", "3 indicators worse than England".</summary>
    public static string IndicatorsThan(int n, string comparison) => $"{(n == 1 ? "indicator" : "indicators")} {comparison} than England";

    /// <summary>
    /// How many authorities met a target due this year, in words: "91 of the 152 authorities with a target due met it
    /// (each authority's own target: 10% lower than …)."; or, with none due, when the target applies; null when the indicator has no target.
    /// </summary>
    public static string? NationalTarget(IndicatorDefinition d, int year, int met, int due, double? nationalTarget)
    {
        if (due > 0)
        {
            var who = due == 1
                ? (met == 1 ? "The one authority with a target due met it" : "The one authority with a target due did not meet it")
                : met == due ? $"All {due:#,0} authorities with a target due met it"
                : met == 0 ? $"None of the {due:#,0} authorities with a target due met it"
                : $"{met:#,0} of the {due:#,0} authorities with a target due met it";
            var target = nationalTarget is { } _ ? $"the target: {Figures.TargetPhrase(d, nationalTarget)}"
                : d.Targets.Where(t => t.FromYear <= year).MaxBy(t => t.FromYear) is { } own ? $"each authority's own target: {PackFonts.Clean(own.Label)}"
                : "each authority's own target";
            return $"{who} ({target}).";
        }
        if (d.Targets.Count == 0) return "There is no national target for this indicator.";
        if (d.Targets.Where(t => t.FromYear > year).MinBy(t => t.FromYear) is { } next)
            return $"No target is due yet: the target ({LowerFirst(PackFonts.Clean(next.Label))}) applies from {CollectionYear.Display(next.FromYear)}.";
        return "No authority has a target due this year.";
    }

    /// <summary>"At least 80% by 2008" → "at least 80% by 2008", for a label inside a sentence; acronyms stay as they are.</summary>
    public static string LowerFirst(string s) => s.Length > 0 && char.IsUpper(s[0]) && (s.Length == 1 || !char.IsUpper(s[1])) ? char.ToLowerInvariant(s[0]) + s[1..] : s;
}
