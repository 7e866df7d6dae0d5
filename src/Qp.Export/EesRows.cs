using Qp.Domain.Authorities;
using Qp.Domain.Disclosure;
using Qp.Store;

namespace Qp.Export;

/// <summary>The tidy long layout DfE publishes on Explore Education Statistics, so tools that read DfE's files read ours.</summary>
public static class EesRows
{
    /// <summary>The columns, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code", "region_name",
        "old_la_code", "new_la_code", "la_name", "indicator", "numerator", "denominator", "value",
    ];

    /// <summary>DfE's time identifier for a collection year.</summary>
    public const string TimeIdentifier = "Reporting year";

    /// <summary>
    /// National rows (from the stored England figures), then regional rows, then one row per authority and indicator, for
    /// <paramref name="year"/>. With <paramref name="laCode"/> only that authority's rows are written. With
    /// <paramref name="publish"/>, the published edition's disclosure decision (<see cref="Edition"/>) is applied: authority
    /// cells it withholds are "c", national and regional counts are rounded to the nearest 10 with percentages from the
    /// rounded counts, and a total the decision withholds is "c".
    /// </summary>
    /// <remarks>
    /// A region's numerator and denominator are the sums of its authorities' stored numerators and denominators (those with
    /// both), a pure re-aggregation of stored counts made by the edition.
    /// </remarks>
    public static ExportTable Build(ReportData data, int year, int? laCode, bool publish)
    {
        data = data.ForEdition(publish);
        var rows = laCode is null
            ? National(data, year).Concat(Regional(data, year)).Concat(Local(data, year, null))
            : Local(data, year, laCode);
        return new ExportTable(Columns, rows);
    }

    private static IEnumerable<Cell[]> National(ReportData data, int year)
    {
        foreach (var def in data.Catalogue)
        {
            if (data.NationalFor(def.Id, year) is not { } n) continue;
            bool hidden = data.Disclosure!.HidesEngland(def.Id, year);
            yield return Row(year, "National", null, null, def.Id,
                hidden ? Cell.Suppressed : Cell.Of(n.Numerator), data.Disclosure!.HidesEnglandDenominator(def.Id, year) ? Cell.Suppressed : Cell.Of(n.Denominator), hidden ? Cell.Suppressed : Cell.Of(ExportNumber.Round1(n.Value)));
        }
    }

    private static IEnumerable<Cell[]> Regional(ReportData data, int year)
    {
        foreach (var (code, name) in Regions.All)
        {
            foreach (var def in data.Catalogue)
            {
                if (data.Disclosure!.Region(def.Id, year, name) is not { } t) continue;
                yield return Row(year, "Regional", (code, name), null, def.Id,
                    t.Withheld ? Cell.Suppressed : Cell.Of(t.Numerator), t.Withheld && t.Denominator is null ? Cell.Suppressed : Cell.Of(t.Denominator), t.Withheld ? Cell.Suppressed : Cell.Of(ExportNumber.Round1(t.Value)));
            }
        }
    }

    private static IEnumerable<Cell[]> Local(ReportData data, int year, int? laCode)
    {
        var edition = data.Disclosure!;
        foreach (var r in Selection.Results(data, year, laCode))
        {
            data.Authorities.TryGetValue(r.LaCode, out var a);
            var region = a is null ? ((string, string)?)null : (Regions.CodeOf(a.Region) ?? "", a.Region);
            yield return Row(year, "Local authority", region, (r.LaCode, a?.OnsCode, data.NameOf(r.LaCode)), r.Indicator,
                edition.Hides(r, Withheld.Numerator) ? Cell.Suppressed : Cell.Of(r.Numerator), edition.Hides(r, Withheld.Denominator) ? Cell.Suppressed : Cell.Of(r.Denominator),
                edition.Hides(r, Withheld.Percent) ? Cell.Suppressed : Cell.Of(ExportNumber.Round1(r.Value)));
        }
    }

    private static Cell[] Row(int year, string level, (string Code, string Name)? region, (int Code, string? Ons, string Name)? la,
        string indicator, Cell num, Cell den, Cell val) =>
    [
        Cell.Of(year),
        Cell.Of(TimeIdentifier),
        Cell.Of(level),
        Cell.Of(Regions.EnglandCode),
        Cell.Of(Regions.EnglandName),
        Cell.Of(region?.Code),
        Cell.Of(region?.Name),
        la is { } l ? Cell.Of(l.Code) : Cell.Empty,
        Cell.Of(la?.Ons),
        Cell.Of(la?.Name),
        Cell.Of(indicator),
        num,
        den,
        val,
    ];
}
