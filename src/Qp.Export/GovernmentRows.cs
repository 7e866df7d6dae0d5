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
    /// catalogue order. With <paramref name="publish"/>, the published edition's disclosure decision (<see cref="Edition"/>) is applied.
    /// </summary>
    public static ExportTable Build(ReportData data, int year, int? laCode, bool publish)
    {
        data = data.ForEdition(publish);
        var edition = data.Disclosure!;
        var england = data.National.Where(n => n.Year == year).ToDictionary(n => n.Indicator);
        var rows = Selection.Results(data, year, laCode)
            .Select(r => Row(r, data.NameOf(r.LaCode), england.GetValueOrDefault(r.Indicator), edition));
        return new ExportTable(Columns, rows);
    }

    private static Cell[] Row(IndicatorResult r, string laName, NationalResult? england, Edition edition)
    {
        bool count = edition.Hides(r, Withheld.Numerator), percent = edition.Hides(r, Withheld.Percent), target = edition.Hides(r, Withheld.Target);
        return
        [
            Cell.Of(r.LaCode),
            Cell.Of(laName),
            Cell.Of(r.Year),
            Cell.Of(r.Indicator),
            count ? Cell.Suppressed : Cell.Of(r.Numerator),
            edition.Hides(r, Withheld.Denominator) ? Cell.Suppressed : Cell.Of(r.Denominator),
            percent ? Cell.Suppressed : Cell.Of(ExportNumber.Round1(r.Value)),
            percent ? Cell.Suppressed : Cell.Of(ExportNumber.Round1(r.Ci95Lower)),
            percent ? Cell.Suppressed : Cell.Of(ExportNumber.Round1(r.Ci95Upper)),
            edition.HidesEngland(r.Indicator, r.Year) ? Cell.Suppressed : Cell.Of(ExportNumber.Round1(england?.Value)),
            percent ? Cell.Suppressed : Cell.Of(Words.Of(r.VsEngland)),
            percent ? Cell.Suppressed : Cell.Of(r.Rank),
            percent ? Cell.Suppressed : Cell.Of(r.QuartileBand),
            target ? Cell.Suppressed : Cell.Of(ExportNumber.Round1(r.TargetValue)),
            percent || target ? Cell.Suppressed : Cell.Of(Words.Of(r.TargetStatus)),
        ];
    }
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
