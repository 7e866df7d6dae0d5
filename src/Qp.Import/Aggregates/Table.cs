using CsvHelper;
using Qp.Store;

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
    /// <remarks>The file is read once, within <see cref="InputLimits.ReferenceFileBytes"/>; CSV must be UTF-8, and fields, rows and row counts stay within <see cref="InputLimits"/>.</remarks>
    public static Table Read(string path)
    {
        var input = InputFile.Read(path, InputLimits.ReferenceFileBytes);
        return Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadXlsx(input) : ReadCsv(input);
    }

    /// <summary>Reads only the header names of a CSV or .xlsx file (for recognising it); empty when it has none.</summary>
    public static IReadOnlyList<string> ReadHeaders(string path)
    {
        if (Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase)) return ReadXlsxHeaders(InputFile.Read(path, InputLimits.ReferenceFileBytes));
        // Only the start of a CSV file: the postcode directory, streamed later, is far larger than any list read whole.
        if (LocalFile.NotARegularFile(path) is { } why) throw new InputRefusedException(path, why);
        var start = new byte[InputLimits.RowBytes];
        int n;
        using (var fs = System.IO.File.OpenRead(path)) n = fs.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        int end = Array.IndexOf(start, (byte)'\n', 0, n);
        using var csv = CsvReader.Create(start[..(end < 0 ? n : end + 1)], new CsvReaderOptions { Separator = ',' });
        return csv.Headers.Select(Clean).ToList();
    }

    private static Table ReadCsv(InputFile input)
    {
        if (Utf8Text.FirstInvalid(input.Bytes) is { } bad) throw new InvalidDataException($"{input.Name}:{bad.Line}:{bad.Column}: {bad.Message}");
        using var csv = CsvReader.Create(input.Bytes, new CsvReaderOptions { TrackLineNumbers = true, Separator = ',', MaxRecordSize = InputLimits.RowBytes });
        var headers = csv.Headers.Select(Clean).ToList();
        var rows = new List<TableRow>();
        while (csv.Read())
        {
            if (rows.Count == InputLimits.ReferenceRows)
                throw new InvalidDataException($"{input.Name}:{csv.LineNumber}:0: more than {InputLimits.ReferenceRows:N0} rows, the limit for a reference list (docs/safety.md)");
            var fields = new string[headers.Count];
            for (int i = 0; i < fields.Length; i++) fields[i] = i < csv.FieldCount ? Field(csv.GetString(i), input.Name, (int)csv.LineNumber, i) : "";
            // A wholly blank line (e.g. at the end of a hand-edited file) carries nothing to validate.
            if (fields.All(f => f.Length == 0)) continue;
            rows.Add(new TableRow((int)csv.LineNumber, fields));
        }
        return new Table(input.Name, headers, rows);
    }

    private static string Field(string value, string file, int line, int column) => value.Length <= InputLimits.FieldChars ? value.Trim()
        : throw new InvalidDataException($"{file}:{line}:{column + 1}: the value has {value.Length:N0} characters, more than the limit of {InputLimits.FieldChars:N0} for one field (docs/safety.md)");

    // The first sheet, streamed (never loaded whole, formulas never evaluated): its first used row is the header, and the columns
    // run from the first to the last used one of any row. A workbook past the limits, or with a formula and no saved value, is refused.
    private static Table ReadXlsx(InputFile input)
    {
        var name = input.Name;
        var problems = new List<string>();
        void Report(Xlsx.XlsxProblem p) => problems.Add($"{(p.Sheet is null ? name : $"{name}[{p.Sheet}]")}:{p.Row}:{p.Column}: {p.Message}");
        using var book = Xlsx.XlsxStream.Open(input, Report);
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

    // The first used row of the first sheet: problems in cells further down are for the reading proper to report.
    private static IReadOnlyList<string> ReadXlsxHeaders(InputFile input)
    {
        using var book = Xlsx.XlsxStream.Open(input, _ => { });
        if (book is null || book.Sheets.Count == 0) return [];
        var first = book.Rows(book.Sheets[0].Name, book.Sheets[0].Entry).FirstOrDefault();
        if (first is null || first.Cells.Count == 0) return [];
        return Enumerable.Range(first.Cells.Keys.Min(), first.LastColumn - first.Cells.Keys.Min() + 1).Select(c => Clean(first[c] ?? "")).ToList();
    }

    private static string Clean(string header) => header.Trim().TrimStart('\uFEFF').Trim();
}
