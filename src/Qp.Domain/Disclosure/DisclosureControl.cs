namespace Qp.Domain.Disclosure;

/// <summary>The primary rules of statistical disclosure control (SPEC §6); <see cref="Edition"/> applies them, and secondary suppression, once per published edition.</summary>
public static class DisclosureControl
{
    /// <summary>The symbol shown in place of a suppressed figure.</summary>
    public const string Suppressed = "c";

    /// <summary>The method in plain English, for manifests, workbook notes and pack notes.</summary>
    public static readonly IReadOnlyList<string> Rules =
    [
        "Numerators of 1 to 5, and their percentages, are shown as 'c'.",
        "Percentages with a denominator under 10 are shown as 'c', and so are their numerators, which with the denominator would give the percentage away.",
        "Figures worked out from a hidden figure are hidden with it: the change from the year before, the five-year trend, and a target set from a hidden baseline year (with its status and distance).",
        "Authorities whose figure is hidden are left out of ranks, quartiles, bands, 'meeting target' counts and the averages of neighbours, region and type; those averages are over the figures shown, and say how many were used.",
        "England and regional counts are rounded to the nearest 10, and their percentages are worked out from the rounded counts.",
        "A denominator of 1 or 2 beside a hidden numerator is shown as 'c' too: shown, it would leave the numerator fewer than three possible values.",
        "A regional or England total (count or denominator) is hidden too when, with the figures shown beside it, it would narrow a hidden count to fewer than three possible values.",
    ];

    /// <summary>Whether an authority-level count must be shown as 'c': it is between 1 and 5.</summary>
    public static bool SuppressCount(int? count) => count is >= 1 and <= 5;

    /// <summary>Whether a percentage must be shown as 'c': its numerator is 1–5 or its denominator is under 10.</summary>
    public static bool SuppressPercent(int? numerator, int? denominator) =>
        SuppressCount(numerator) || denominator is < 10;

    /// <summary>
    /// Whether an authority's numerator must be shown as 'c': it is 1–5, or its percentage is hidden — SPEC §6 hides the
    /// percentage of a denominator under 10, and showing 6 of 9 would give 66.7% away all the same.
    /// </summary>
    public static bool SuppressNumerator(int? numerator, int? denominator) => SuppressPercent(numerator, denominator);

    /// <summary>Whether an authority's denominator must be shown as 'c': it is 1 or 2 beside a hidden numerator (0 of 1 would leave two possible values).</summary>
    public static bool SuppressDenominator(int? numerator, int? denominator) => denominator is 1 or 2 && SuppressNumerator(numerator, denominator);

    /// <summary>A national or regional count rounded to the nearest 10, halves away from zero.</summary>
    public static long RoundToTen(long count) => (long)Math.Round(count / 10.0, MidpointRounding.AwayFromZero) * 10;
}
