using System.Globalization;
using Qp.Domain.Results;
using Qp.Domain.Validation;

namespace Qp.Import.Aggregates;

/// <summary>A QP aggregate return (SPEC §3): CSV or XLSX with columns la_code, year, indicator, numerator, denominator and optional note.</summary>
public static class QpAggregateFile
{
    /// <summary>The required columns.</summary>
    public static readonly string[] Columns = ["la_code", "year", "indicator", "numerator", "denominator"];

    /// <summary>Whether a header set is a QP aggregate return's.</summary>
    public static bool Recognise(IReadOnlyList<string> headers) => Columns.All(c => headers.Contains(c, StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Reads and validates every row: la_code a known authority, year a four-digit integer, indicator in the catalogue, numerator and
    /// denominator whole numbers ≥ 0 with numerator ≤ denominator, and each authority, year and indicator once. Any error rejects the file.
    /// </summary>
    public static ReferenceRead<AggregateFigure> Read(string path, IReadOnlySet<string> indicators, IReadOnlySet<int> authorities)
    {
        var table = Table.Read(path);
        var errors = new List<ValidationMessage>();
        var missing = Columns.Where(c => table.Index(c) < 0).ToList();
        if (missing.Count > 0)
            return new([], [new ValidationMessage(table.File, 1, 0, Severity.Error, "AGG01", $"missing column(s): {string.Join(", ", missing)}")], []);
        int la = table.Index("la_code"), yr = table.Index("year"), ind = table.Index("indicator"),
            num = table.Index("numerator"), den = table.Index("denominator"), note = table.Index("note");
        var figures = new List<AggregateFigure>(table.Rows.Count);
        var seen = new Dictionary<(int, int, string), int>();
        foreach (var row in table.Rows)
        {
            int before = errors.Count;
            int? code = Whole(table, row, la, "la_code", errors);
            if (code is { } c && !authorities.Contains(c))
                errors.Add(Located.Error(table, row, la, "AGG03", $"la_code {c} is not an authority in the authorities table"));
            int? year = Whole(table, row, yr, "year", errors);
            if (year is { } y && y is < 1990 or > 2100)
                errors.Add(Located.Error(table, row, yr, "AGG04", $"year {y} is not a collection year (1990–2100)"));
            string id = row.Fields[ind].ToUpperInvariant();
            if (!indicators.Contains(id))
                errors.Add(Located.Error(table, row, ind, "AGG05", $"indicator '{row.Fields[ind]}' is not in the catalogue ({string.Join(", ", indicators.Order())})"));
            int? n = Whole(table, row, num, "numerator", errors), d = Whole(table, row, den, "denominator", errors);
            if (n is { } nv && d is { } dv && nv > dv)
                errors.Add(Located.Error(table, row, num, "AGG06", $"numerator {nv} is greater than denominator {dv}"));
            if (errors.Count > before) continue;
            if (seen.TryGetValue((code!.Value, year!.Value, id), out int first))
            {
                errors.Add(Located.Error(table, row, la, "AGG07", $"authority {code}, year {year} and indicator {id} already appear on line {first}"));
                continue;
            }
            seen[(code.Value, year.Value, id)] = row.Line;
            figures.Add(new AggregateFigure(ResultSource.Aggregate, AreaLevel.La, code, null, null, year.Value, id, n, d, null,
                note >= 0 && row.Fields[note].Length > 0 ? row.Fields[note] : null));
        }
        if (table.Rows.Count == 0) errors.Add(new ValidationMessage(table.File, 1, 0, Severity.Error, "AGG08", "the file has no data rows"));
        return errors.Count > 0 ? new([], errors, []) : new(figures, [], []);
    }

    // A whole number ≥ 0, or an error naming the column.
    private static int? Whole(Table table, TableRow row, int column, string name, List<ValidationMessage> errors)
    {
        string text = row.Fields[column];
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int v)) return v;
        errors.Add(Located.Error(table, row, column, "AGG02",
            text.Length == 0 ? $"{name} is blank" : $"{name} '{text}' is not a whole number ≥ 0"));
        return null;
    }
}
