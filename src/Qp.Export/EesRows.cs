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
    /// <paramref name="publish"/>, authority numerators 1–5 and the percentages SPEC §6 names are "c", and national and
    /// regional counts are rounded to the nearest 10.
    /// </summary>
    /// <remarks>
    /// A region's numerator and denominator are the sums of its authorities' stored numerators and denominators (those with
    /// both), a pure re-aggregation of stored counts; its value is the stored region average
    /// (<see cref="Qp.Domain.Results.IndicatorResult.RegionAverage"/>), which compute derived from the same sums.
    /// </remarks>
    public static ExportTable Build(ReportData data, int year, int? laCode, bool publish)
    {
        var rows = laCode is null
            ? National(data, year, publish).Concat(Regional(data, year, publish)).Concat(Local(data, year, null, publish))
            : Local(data, year, laCode, publish);
        return new ExportTable(Columns, rows);
    }

    private static IEnumerable<Cell[]> National(ReportData data, int year, bool publish)
    {
        foreach (var def in data.Catalogue)
        {
            if (data.NationalFor(def.Id, year) is not { } n) continue;
            yield return Row(year, "National", null, null, def.Id, n.Numerator, n.Denominator, n.Value, publish, aggregate: true);
        }
    }

    private static IEnumerable<Cell[]> Regional(ReportData data, int year, bool publish)
    {
        foreach (var (code, name) in Regions.All)
        {
            foreach (var def in data.Catalogue)
            {
                var members = data.Results.Where(r => r.Year == year && r.Indicator == def.Id
                    && data.Authorities.TryGetValue(r.LaCode, out var a) && Regions.CodeOf(a.Region) == code).ToList();
                if (members.Count == 0) continue;
                var counted = members.Where(r => r.Numerator is not null && r.Denominator is not null).ToList();
                long? num = counted.Count > 0 ? counted.Sum(r => (long)r.Numerator!.Value) : null;
                long? den = counted.Count > 0 ? counted.Sum(r => (long)r.Denominator!.Value) : null;
                var value = members.Select(r => r.RegionAverage).FirstOrDefault(v => v is not null);
                yield return Row(year, "Regional", (code, name), null, def.Id, num, den, value, publish, aggregate: true);
            }
        }
    }

    private static IEnumerable<Cell[]> Local(ReportData data, int year, int? laCode, bool publish)
    {
        foreach (var r in Selection.Results(data, year, laCode))
        {
            data.Authorities.TryGetValue(r.LaCode, out var a);
            var region = a is null ? ((string, string)?)null : (Regions.CodeOf(a.Region) ?? "", a.Region);
            yield return Row(year, "Local authority", region, (r.LaCode, a?.OnsCode, data.NameOf(r.LaCode)), r.Indicator,
                r.Numerator, r.Denominator, r.Value, publish, aggregate: false);
        }
    }

    private static Cell[] Row(int year, string level, (string Code, string Name)? region, (int Code, string? Ons, string Name)? la,
        string indicator, long? numerator, long? denominator, double? value, bool publish, bool aggregate)
    {
        Cell num = Cell.Of(numerator), den = Cell.Of(denominator), val = Cell.Of(ExportNumber.Round1(value));
        if (publish)
        {
            // Percentages follow the authority rule on the true counts; national and regional counts are then rounded to 10.
            bool hideCount = !aggregate && DisclosureControl.SuppressNumerator(Clamp(numerator), Clamp(denominator));
            bool hidePercent = DisclosureControl.SuppressPercent(Clamp(numerator), Clamp(denominator));
            if (aggregate)
            {
                num = Cell.Of(numerator is { } n ? DisclosureControl.RoundToTen(n) : null);
                den = Cell.Of(denominator is { } d ? DisclosureControl.RoundToTen(d) : null);
            }
            else if (hideCount) num = Cell.Suppressed;
            if (hidePercent) val = Cell.Suppressed;
        }
        return
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

    // National counts exceed int; the rules only care whether a count is 1–5 or under 10.
    private static int? Clamp(long? count) => count is { } c ? (int)Math.Min(c, int.MaxValue) : null;
}
