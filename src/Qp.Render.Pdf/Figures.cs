using System.Globalization;
using Qp.Domain.Disclosure;
using Qp.Domain.Indicators;
using Qp.Domain.Results;
using Qp.Domain.Statements;

namespace Qp.Render.Pdf;

/// <summary>How stored figures are written in a pack, with disclosure control applied when the pack is for publication.</summary>
/// <param name="Publish">Whether disclosure control applies (SPEC §6).</param>
public sealed record Figures(bool Publish)
{
    /// <summary>The edition's disclosure decision, which every figure of the pack follows; without one, only the primary rules are applied.</summary>
    public Edition? Edition { get; init; }

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Shown for a figure that is not stored.</summary>
    public const string Missing = "–";

    /// <summary>A percentage to one decimal place, e.g. "12.4%".</summary>
    public static string Percent(double? value) => Words.Percent(value);

    /// <summary>A count with thousands separators, e.g. "1,234".</summary>
    public static string Count(long? value) => value is { } v ? v.ToString("#,0", Inv) : Missing;

    /// <summary>Percentage points to one decimal place with a sign, e.g. "+1.2 pts".</summary>
    public static string Points(double? value) => value is { } v ? (v > 0 ? "+" : v < 0 ? "-" : "") + Math.Abs(v).ToString("0.0", Inv) + " pts" : Missing;

    /// <summary>Whether the result's percentage (and what reveals it) is withheld in this pack.</summary>
    public bool IsSuppressed(IndicatorResult r) =>
        Edition is { } e ? e.Hides(r, Withheld.Percent) : Publish && DisclosureControl.SuppressPercent(r.Numerator, r.Denominator);

    /// <summary>The result's value, or "c" when suppressed.</summary>
    public string Value(IndicatorResult? r) => r is null ? Missing : IsSuppressed(r) ? DisclosureControl.Suppressed : Percent(r.Value);

    /// <summary>The value to plot, or null when it is missing or suppressed (charts omit suppressed points).</summary>
    public double? Plotted(IndicatorResult? r) => r is null || IsSuppressed(r) ? null : r.Value;

    /// <summary>An authority's numerator, or "c" in a published pack when it is 1–5 or its percentage is hidden.</summary>
    public string Numerator(IndicatorResult r) =>
        (Edition is { } e ? e.Hides(r, Withheld.Numerator) : Publish && DisclosureControl.SuppressNumerator(r.Numerator, r.Denominator))
            ? DisclosureControl.Suppressed : Count(r.Numerator);

    /// <summary>An authority's denominator as the edition shows it: "c" when withheld (1 or 2 beside a hidden numerator).</summary>
    public string Denominator(IndicatorResult r) => Edition is { } e && e.Hides(r, Withheld.Denominator) ? DisclosureControl.Suppressed : AuthorityCount(r.Denominator);

    /// <summary>An authority-level count, "c" when published and between 1 and 5.</summary>
    public string AuthorityCount(int? count) => Publish && DisclosureControl.SuppressCount(count) ? DisclosureControl.Suppressed : Count(count);

    /// <summary>A national count, rounded to the nearest 10 in a published pack.</summary>
    public string NationalCount(long count) => Count(Publish ? DisclosureControl.RoundToTen(count) : count);

    /// <summary>A target status as its label.</summary>
    public static string Status(TargetStatus s) => Words.Of(s);

    /// <summary>Whether the result's target is withheld: it is set from a hidden baseline year.</summary>
    public bool HidesTarget(IndicatorResult? r) => r is not null && Edition is { } e && e.Hides(r, Withheld.Target);

    /// <summary>The result's target in a table cell, "c" when withheld with its baseline.</summary>
    public string Target(IndicatorDefinition d, IndicatorResult? r) => HidesTarget(r) ? DisclosureControl.Suppressed : TargetCell(d, r?.TargetValue);

    /// <summary>England's percentage as the edition shows it: "c" when withheld (a total that would give a hidden figure away), never "–".</summary>
    public string England(string indicator, int year, double? value) =>
        Edition is { } e && e.HidesEngland(indicator, year) ? DisclosureControl.Suppressed : Percent(value);

    /// <summary>A region's total percentage as the edition shows it: "c" when withheld.</summary>
    public string RegionValue(string indicator, int year, string region, double? fallback) =>
        Edition?.Region(indicator, year, region) is { } t ? (t.Withheld ? DisclosureControl.Suppressed : Percent(t.Value)) : Percent(fallback);

    /// <summary>The comparison with England as a word.</summary>
    public static string VsEngland(VsEngland v) => Words.Of(v);

    /// <summary>The trend as words.</summary>
    public static string Trend(Trend t) => Words.Of(t);

    /// <summary>A target value with its direction in words, e.g. "no more than 16%".</summary>
    public static string TargetPhrase(IndicatorDefinition d, double? targetValue)
        => Words.TargetPhrase(d, targetValue);

    /// <summary>A target value in a table cell, e.g. "≤16.0%" written as "max 16.0%".</summary>
    public static string TargetCell(IndicatorDefinition d, double? targetValue) => targetValue is { } v
        ? (d.Targets.Count > 0 && d.Targets[^1].Kind == TargetKind.Minimum ? "min " : "max ") + Percent(v)
        : Missing;
}
