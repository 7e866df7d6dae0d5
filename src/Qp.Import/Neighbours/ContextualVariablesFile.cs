using System.Globalization;
using Qp.Domain.Authorities;
using Qp.Domain.Validation;
using Qp.Import.Aggregates;

namespace Qp.Import.Neighbours;

/// <summary>A contextual-variables CSV for deriving statistical neighbours: la_code (or old_la_code), an optional la_name, then one numeric column per variable.</summary>
public static class ContextualVariablesFile
{
    private static readonly string[] NameColumns = ["la_name"];

    /// <summary>Reads every authority's variables; a missing or non-numeric value, an unknown or repeated authority, or fewer than two authorities is an error naming file, line and column.</summary>
    public static ReferenceRead<ContextRow> Read(string path, IReadOnlySet<int> authorities)
    {
        var table = Table.Read(path);
        var errors = new List<ValidationMessage>();
        int la = table.Index("la_code") is var i and >= 0 ? i : table.Index("old_la_code");
        if (la < 0)
            return new([], [new ValidationMessage(Path.GetFileName(path), 1, 0, Severity.Error, "CV01", "the file needs an la_code (or old_la_code) column")], []);
        var variables = Enumerable.Range(0, table.Headers.Count)
            .Where(c => c != la && !NameColumns.Contains(table.Headers[c], StringComparer.OrdinalIgnoreCase)).ToArray();
        if (variables.Length == 0)
            return new([], [new ValidationMessage(Path.GetFileName(path), 1, 0, Severity.Error, "CV02", "the file has no variable columns besides la_code and la_name")], []);

        var rows = new List<ContextRow>();
        var seen = new HashSet<int>();
        foreach (var row in table.Rows)
        {
            string text = row.Fields[la];
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int code) || !authorities.Contains(code))
            {
                errors.Add(Located.Error(table, row, la, "CV03", $"{table.Headers[la]} '{text}' is not an authority in the authorities table"));
                continue;
            }
            if (!seen.Add(code))
                errors.Add(Located.Error(table, row, la, "CV04", $"authority {code} appears more than once"));
            var values = new double[variables.Length];
            for (int v = 0; v < variables.Length; v++)
            {
                var cell = row.Fields[variables[v]];
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out values[v]) || !double.IsFinite(values[v]))
                    errors.Add(Located.Error(table, row, variables[v], "CV05", $"{table.Headers[variables[v]]} '{cell}' is not a number (every authority needs every variable)"));
            }
            rows.Add(new ContextRow(code, values));
        }
        if (rows.Count < 2 && errors.Count == 0)
            errors.Add(new ValidationMessage(Path.GetFileName(path), 0, 0, Severity.Error, "CV06", "at least two authorities are needed to find neighbours"));
        return errors.Count > 0 ? new([], errors, []) : new(rows, [], []);
    }
}
