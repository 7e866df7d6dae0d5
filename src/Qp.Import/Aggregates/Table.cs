using CsvHelper;

namespace Qp.Import.Aggregates;

/// <summary>One data row of a reference file with the line it starts on.</summary>
/// <param name="Line">The 1-based line (CSV) or row (XLSX) number.</param>
/// <param name="Fields">The field values, trimmed, in header order; missing trailing fields are empty.</param>
public sealed record TableRow(int Line, string[] Fields);

/// <summary>A reference file read as a header and rows of text: small files (a few MB), read whole for simple validation.</summary>
/// <param name="File">The file name (without folder) that messages name.</param>
/// <param name="Headers">The header names, trimmed, without a UTF-8 byte-order mark.</param>
/// <param name="Rows">The data rows.</param>
public sealed record Table(string File, IReadOnlyList<string> Headers, IReadOnlyList<TableRow> Rows)
{
    /// <summary>The 0-based index of a column by name (case-insensitive), or -1.</summary>
    public int Index(string name)
    {
        for (int i = 0; i < Headers.Count; i++)
            if (string.Equals(Headers[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    /// <summary>
    /// The 0-based index in <paramref name="headers"/> (each trimmed and without a byte-order mark here) of the first of
    /// <paramref name="names"/> present, case-insensitive, or -1: for files whose columns go by several names.
    /// </summary>
    public static int Find(IReadOnlyList<string> headers, params string[] names)
    {
        foreach (var n in names)
            for (int i = 0; i < headers.Count; i++)
                if (string.Equals(headers[i].Trim().TrimStart('\uFEFF'), n, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    /// <summary>Whether every one of <paramref name="names"/> is a column.</summary>
    public bool Has(params IEnumerable<string> names) => names.All(n => Index(n) >= 0);

    /// <summary>Reads a CSV file (CsvHelper 34, line numbers tracked) or the first worksheet of an .xlsx workbook.</summary>
    public static Table Read(string path) =>
        Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadXlsx(path) : ReadCsv(path);

    /// <summary>Reads only the header names of a CSV or .xlsx file (for recognising it); empty when it has none.</summary>
    public static IReadOnlyList<string> ReadHeaders(string path)
    {
        if (Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase)) return ReadXlsx(path).Headers;
        using var csv = CsvReader.FromFile(path, new CsvReaderOptions { Separator = ',' });
        return csv.Headers.Select(Clean).ToList();
    }

    private static Table ReadCsv(string path)
    {
        using var csv = CsvReader.FromFile(path, new CsvReaderOptions { TrackLineNumbers = true, Separator = ',' });
        var headers = csv.Headers.Select(Clean).ToList();
        var rows = new List<TableRow>();
        while (csv.Read())
        {
            var fields = new string[headers.Count];
            for (int i = 0; i < fields.Length; i++) fields[i] = i < csv.FieldCount ? csv.GetString(i).Trim() : "";
            // A wholly blank line (e.g. at the end of a hand-edited file) carries nothing to validate.
            if (fields.All(f => f.Length == 0)) continue;
            rows.Add(new TableRow((int)csv.LineNumber, fields));
        }
        return new Table(Path.GetFileName(path), headers, rows);
    }

    // The first sheet, streamed (never loaded whole, formulas never evaluated): its first used row is the header, and the columns
    // run from the first to the last used one of any row. A workbook past the limits, or with a formula and no saved value, is refused.
    private static Table ReadXlsx(string path)
    {
        var name = Path.GetFileName(path);
        var problems = new List<string>();
        void Report(Xlsx.XlsxProblem p) => problems.Add($"{(p.Sheet is null ? name : $"{name}[{p.Sheet}]")}:{p.Row}:{p.Column}: {p.Message}");
        using var book = Xlsx.XlsxStream.Open(path, Report);
        var rows = new List<Xlsx.XlsxRow>();
        if (book is not null && book.Sheets.Count > 0) rows.AddRange(book.Rows(book.Sheets[0].Name, book.Sheets[0].Entry));
        if (problems.Count > 0) throw new InvalidDataException(problems[0]);
        if (rows.Count == 0) return new Table(name, [], []);
        int firstCol = rows.Min(r => r.Cells.Keys.Min()), lastCol = rows.Max(r => r.LastColumn);
        var headers = Enumerable.Range(firstCol, lastCol - firstCol + 1).Select(c => Clean(rows[0][c] ?? "")).ToList();
        var data = rows.Skip(1)
            .Select(r => new TableRow(r.Number, Enumerable.Range(firstCol, headers.Count).Select(c => (r[c] ?? "").Trim()).ToArray()))
            .Where(r => r.Fields.Any(f => f.Length > 0))
            .ToList();
        return new Table(name, headers, data);
    }

    private static string Clean(string header) => header.Trim().TrimStart('\uFEFF').Trim();
}
