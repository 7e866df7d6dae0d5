using System.Globalization;
using Qp.Domain.Indicators;
using Qp.Domain.Results;
using Qp.Domain.Validation;
using Qp.Import.Aggregates;

namespace Qp.Import.Published;

/// <summary>
/// DfE published statistics (SPEC §3): an explore-education-statistics tidy CSV read through the catalogue's
/// <see cref="PublishedMapping"/>s, or the tool's own EES export (one row per area, year and indicator with numerator and denominator).
/// Suppressed cells are missing, never zero; national and regional rows are kept as published reference figures.
/// </summary>
public static class PublishedStatisticsFile
{
    /// <summary>The cell values EES uses for suppressed or unavailable figures.</summary>
    public static readonly string[] Suppressed = ["c", "z", "x", "k", "low", ":", "u"];

    /// <summary>The columns every EES file has.</summary>
    public static readonly string[] EesColumns = ["time_period", "geographic_level"];

    /// <summary>The columns of the tool's own EES export layout.</summary>
    public static readonly string[] OwnExportColumns =
        ["time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code", "region_name",
         "old_la_code", "new_la_code", "la_name", "indicator", "numerator", "denominator", "value"];

    /// <summary>Whether a header set is the tool's own EES export.</summary>
    public static bool IsOwnExport(IReadOnlyList<string> headers) =>
        new[] { "time_period", "geographic_level", "old_la_code", "indicator", "numerator", "denominator" }
            .All(c => headers.Contains(c, StringComparer.OrdinalIgnoreCase));

    /// <summary>The catalogue indicators whose published mapping matches a header set (EES columns plus the mapping's file columns).</summary>
    public static IReadOnlyList<string> MappedIndicators(IReadOnlyList<string> headers, IReadOnlyList<IndicatorDefinition> catalogue) =>
        EesColumns.All(c => headers.Contains(c, StringComparer.OrdinalIgnoreCase))
            ? catalogue.Where(d => d.Published.Any(m => Matches(m, headers))).Select(d => d.Id).ToList()
            : [];

    /// <summary>Reads every figure of the file for the catalogue's indicators; rows for unknown authorities are skipped and counted.</summary>
    public static ReferenceRead<AggregateFigure> Read(string path, IReadOnlyList<IndicatorDefinition> catalogue, IReadOnlySet<int> authorities)
    {
        var table = Table.Read(path);
        return IsOwnExport(table.Headers) ? ReadOwnExport(table, catalogue, authorities) : ReadMapped(table, catalogue, authorities);
    }

    private static bool Matches(PublishedMapping m, IReadOnlyList<string> headers) =>
        m.FileColumns.Concat(m.Filters.Keys).All(c => headers.Contains(c, StringComparer.OrdinalIgnoreCase))
        && (m.BreakdownColumn is null
            ? headers.Contains(m.NumeratorValue, StringComparer.OrdinalIgnoreCase) && headers.Contains(m.DenominatorValue, StringComparer.OrdinalIgnoreCase)
            : m.CountColumn is not null && headers.Contains(m.CountColumn, StringComparer.OrdinalIgnoreCase));

    // One area of one year: where a row's figures belong.
    private sealed record Area(string Level, int? LaCode, string? AreaCode, string? AreaName, int Year);

    private static ReferenceRead<AggregateFigure> ReadMapped(Table table, IReadOnlyList<IndicatorDefinition> catalogue, IReadOnlySet<int> authorities)
    {
        var errors = new List<ValidationMessage>();
        var figures = new List<AggregateFigure>();
        var unknown = new HashSet<string>();
        int otherLevels = 0;
        foreach (var definition in catalogue)
        foreach (var mapping in definition.Published.Where(m => Matches(m, table.Headers)))
        {
            var filters = mapping.Filters.Select(f => (Index: table.Index(f.Key), f.Value)).ToList();
            // Each area and year gets a numerator and a denominator, from one row or from two breakdown rows.
            var parts = new Dictionary<Area, (int? Num, int? Den, bool HasNum, bool HasDen)>();
            foreach (var row in table.Rows)
            {
                if (!filters.All(f => string.Equals(row.Fields[f.Index], f.Value, StringComparison.OrdinalIgnoreCase))) continue;
                var area = AreaOf(table, row, authorities, errors, unknown);
                if (area is null) { otherLevels++; continue; }
                var p = parts.GetValueOrDefault(area);
                if (mapping.BreakdownColumn is { } breakdown)
                {
                    string b = row.Fields[table.Index(breakdown)];
                    int count = table.Index(mapping.CountColumn!);
                    if (string.Equals(b, mapping.NumeratorValue, StringComparison.OrdinalIgnoreCase)) p = p with { Num = Count(table, row, count, errors), HasNum = true };
                    else if (string.Equals(b, mapping.DenominatorValue, StringComparison.OrdinalIgnoreCase)) p = p with { Den = Count(table, row, count, errors), HasDen = true };
                    else continue;
                }
                else
                {
                    p = (Count(table, row, table.Index(mapping.NumeratorValue), errors), Count(table, row, table.Index(mapping.DenominatorValue), errors), true, true);
                }
                parts[area] = p;
            }
            foreach (var (area, p) in parts.Where(kv => kv.Value.HasNum || kv.Value.HasDen))
                figures.Add(new AggregateFigure(ResultSource.Published, area.Level, area.LaCode, area.AreaCode, area.AreaName, area.Year, definition.Id,
                    p.Num, p.Den, Domain.Statistics.Percent.Of(p.Num, p.Den), null));
        }
        // Rows of areas that are not authorities of the table (e.g. the old codes of reorganised councils) are reported, not stored.
        var skipped = unknown.Count > 0 ? new List<string> { $"rows for {unknown.Count} authority code(s) not in the authorities table skipped: {string.Join(", ", unknown.Order())}" } : new List<string>();
        return errors.Count > 0 ? new([], errors, []) : new(Deduplicate(figures), [], skipped);
    }

    private static ReferenceRead<AggregateFigure> ReadOwnExport(Table table, IReadOnlyList<IndicatorDefinition> catalogue, IReadOnlySet<int> authorities)
    {
        var errors = new List<ValidationMessage>();
        var figures = new List<AggregateFigure>();
        var unknown = new HashSet<string>();
        var ids = catalogue.Select(d => d.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        int ind = table.Index("indicator"), num = table.Index("numerator"), den = table.Index("denominator"), val = table.Index("value");
        foreach (var row in table.Rows)
        {
            var area = AreaOf(table, row, authorities, errors, unknown);
            if (area is null) continue;
            string id = row.Fields[ind].ToUpperInvariant();
            if (!ids.Contains(id))
            {
                errors.Add(Located.Error(table, row, ind, "PUB04", $"indicator '{row.Fields[ind]}' is not in the catalogue"));
                continue;
            }
            int? n = Count(table, row, num, errors), d = Count(table, row, den, errors);
            double? value = val >= 0 && double.TryParse(row.Fields[val], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : null;
            figures.Add(new AggregateFigure(ResultSource.Published, area.Level, area.LaCode, area.AreaCode, area.AreaName, area.Year, id, n, d,
                Domain.Statistics.Percent.Of(n, d) ?? value, null));
        }
        var skipped = unknown.Count > 0 ? new List<string> { $"rows for {unknown.Count} authority code(s) not in the authorities table skipped: {string.Join(", ", unknown.Order())}" } : new List<string>();
        return errors.Count > 0 ? new([], errors, []) : new(Deduplicate(figures), [], skipped);
    }

    // The same area, year and indicator twice (e.g. two mappings): the first wins, as the store's key allows one.
    private static List<AggregateFigure> Deduplicate(List<AggregateFigure> figures) =>
        figures.GroupBy(f => (f.Level, f.LaCode, f.AreaCode, f.Year, f.Indicator)).Select(g => g.First()).ToList();

    // The area a row describes; null for levels other than national, regional and local authority, or an unknown authority.
    private static Area? AreaOf(Table table, TableRow row, IReadOnlySet<int> authorities, List<ValidationMessage> errors, HashSet<string> unknown)
    {
        int year = Year(table, row, errors);
        string Field(string name) => table.Index(name) is var i and >= 0 ? row.Fields[i] : "";
        string? NonEmpty(string s) => s.Length > 0 ? s : null;
        switch (Field("geographic_level").ToLowerInvariant())
        {
            case "national":
                return new Area(AreaLevel.National, null, NonEmpty(Field("country_code")), NonEmpty(Field("country_name")), year);
            case "regional":
                return new Area(AreaLevel.Regional, null, NonEmpty(Field("region_code")), NonEmpty(Field("region_name")), year);
            case "local authority":
                string text = Field("old_la_code");
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int code))
                {
                    errors.Add(Located.Error(table, row, table.Index("old_la_code"), "PUB02", $"old_la_code '{text}' is not a three-digit authority code"));
                    return null;
                }
                if (!authorities.Contains(code)) { unknown.Add(text); return null; }
                // An authority is keyed by its three-digit code alone, so the same figure from two files (with or without an ONS code) is one row.
                return new Area(AreaLevel.La, code, null, NonEmpty(Field("la_name")), year);
            default:
                return null;
        }
    }

    // time_period is the collection year (2025) or the EES academic-year form (202425 → 2025).
    private static int Year(Table table, TableRow row, List<ValidationMessage> errors)
    {
        int col = table.Index("time_period");
        string text = row.Fields[col];
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int y)) return y;
        if (text.Length == 6 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int yy) && (yy / 100 + 1) % 100 == yy % 100) return yy / 100 + 1;
        errors.Add(Located.Error(table, row, col, "PUB01", $"time_period '{text}' is not a year (2025) or an academic year (202425)"));
        return 0;
    }

    // A count: a whole number, or missing when blank or suppressed — never zero for a suppressed cell.
    private static int? Count(Table table, TableRow row, int column, List<ValidationMessage> errors)
    {
        string text = row.Fields[column];
        if (text.Length == 0 || Suppressed.Contains(text, StringComparer.OrdinalIgnoreCase)) return null;
        if (int.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out int v) && v >= 0) return v;
        errors.Add(Located.Error(table, row, column, "PUB03", $"{table.Headers[column]} '{text}' is neither a whole number ≥ 0 nor a suppression code (c, z, x, k, low)"));
        return null;
    }
}
