using Qp.Domain.Disclosure;
using Qp.Domain.Results;
using Qp.Store;

namespace Qp.Export;

/// <summary>The central-government export (SPEC §6): one row per authority, year and indicator, read from the stored results.</summary>
public static class GovernmentRows
{
    /// <summary>The columns, exactly as SPEC §6 names them.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "la_code", "la_name", "year", "indicator", "numerator", "denominator", "value", "ci95_lower", "ci95_upper",
        "england_value", "vs_england", "rank", "quartile_band", "target", "target_status",
    ];

    /// <summary>
    /// The rows for <paramref name="year"/> (only authority <paramref name="laCode"/> when given), ordered by authority then
    /// catalogue order. With <paramref name="publish"/>, disclosure control is applied (see <see cref="Suppression"/>).
    /// </summary>
    public static ExportTable Build(ReportData data, int year, int? laCode, bool publish)
    {
        var england = data.National.Where(n => n.Year == year).ToDictionary(n => n.Indicator, n => n.Value);
        var rows = Selection.Results(data, year, laCode)
            .Select(r => Row(r, data.NameOf(r.LaCode), england.GetValueOrDefault(r.Indicator), publish));
        return new ExportTable(Columns, rows);
    }

    private static Cell[] Row(IndicatorResult r, string laName, double? englandValue, bool publish)
    {
        var s = publish ? Suppression.Of(r.Numerator, r.Denominator) : Suppression.None;
        return
        [
            Cell.Of(r.LaCode),
            Cell.Of(laName),
            Cell.Of(r.Year),
            Cell.Of(r.Indicator),
            s.Count ? Cell.Suppressed : Cell.Of(r.Numerator),
            Cell.Of(r.Denominator),
            s.Percent ? Cell.Suppressed : Cell.Of(ExportNumber.Round1(r.Value)),
            s.Percent ? Cell.Suppressed : Cell.Of(ExportNumber.Round1(r.Ci95Lower)),
            s.Percent ? Cell.Suppressed : Cell.Of(ExportNumber.Round1(r.Ci95Upper)),
            Cell.Of(ExportNumber.Round1(englandValue)),
            s.Percent ? Cell.Suppressed : Cell.Of(Words.Of(r.VsEngland)),
            s.Percent ? Cell.Suppressed : Cell.Of(r.Rank),
            s.Percent ? Cell.Suppressed : Cell.Of(r.QuartileBand),
            Cell.Of(ExportNumber.Round1(r.TargetValue)),
            s.Percent ? Cell.Suppressed : Cell.Of(Words.Of(r.TargetStatus)),
        ];
    }
}

/// <summary>Which of an authority's figures disclosure control hides (SPEC §6).</summary>
/// <param name="Count">The numerator is shown as "c" (it is 1–5).</param>
/// <param name="Percent">The value and everything that would reveal it — its interval, rank, quartile band, comparison with England and target status — are shown as "c".</param>
public readonly record struct Suppression(bool Count, bool Percent)
{
    /// <summary>Nothing hidden: unpublished returns to central government.</summary>
    public static readonly Suppression None = default;

    /// <summary>What SPEC §6 hides for a numerator and denominator.</summary>
    public static Suppression Of(int? numerator, int? denominator) =>
        new(DisclosureControl.SuppressNumerator(numerator, denominator), DisclosureControl.SuppressPercent(numerator, denominator));
}

/// <summary>The words used for enumerated results in exports.</summary>
public static class Words
{
    /// <summary>Better / Similar / Worse, or null when not compared.</summary>
    public static string? Of(VsEngland v) => v == VsEngland.NotCompared ? null : v.ToString();

    /// <summary>Met / Not met / Not yet due, or null when there is no target.</summary>
    public static string? Of(TargetStatus s) => s switch
    {
        TargetStatus.Met => "Met",
        TargetStatus.NotMet => "Not met",
        TargetStatus.NotYetDue => "Not yet due",
        _ => null,
    };
}

/// <summary>Which stored results an export covers, in a stable order.</summary>
public static class Selection
{
    /// <summary>The results of <paramref name="year"/> (of one authority when <paramref name="laCode"/> is given), by authority then catalogue order.</summary>
    public static IEnumerable<IndicatorResult> Results(ReportData data, int year, int? laCode)
    {
        var order = data.Catalogue.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return data.Results
            .Where(r => r.Year == year && (laCode is null || r.LaCode == laCode))
            .OrderBy(r => r.LaCode)
            .ThenBy(r => order.GetValueOrDefault(r.Indicator, int.MaxValue))
            .ThenBy(r => r.Indicator, StringComparer.Ordinal);
    }
}
