using CsvHelper;
using Qp.Validate;
using Qp.Validate.Rules;

namespace Qp.Import.ChildLevel;

/// <summary>Reads one CSV file of a submission: recognises its table from the header row and streams its rows.</summary>
internal static class CsvTableReader
{
    /// <summary>Reads the CSV file <paramref name="input"/>; returns the table recognised and the rows read (file problems are reported, never thrown).</summary>
    public static FileTable Read(InputFile input, RuleContext ctx, ISet<TableSchema> seen, Action<SourceRow> onRow)
    {
        var path = input.Path;
        var file = input.Name;
        var top = new Location(file, 1, 0);
        if (Utf8Text.FirstInvalid(input.Bytes) is { } bad)
        {
            // Decoding would turn the bytes into U+FFFD without a word: refuse, saying where.
            ctx.Report(FileRules.NotUtf8, new Location(file, bad.Line, bad.Column), bad.Message);
            return new FileTable(path, null, 0);
        }
        if (IsBlank(input.Bytes))
        {
            ctx.Report(FileRules.EmptyFile, new Location(file, 0, 0), "the file is empty (no header row)");
            return new FileTable(path, null, 0);
        }
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            IncludeValuesInExceptions = false,
            MaxRecordSize = InputLimits.RowBytes,
            OnMalformedRecord = m =>
            {
                if (m.Reason != CsvMalformedReason.FieldCountMismatch)
                    ctx.Report(FileRules.Malformed, new Location(file, (int)m.LineNumber, 0), $"malformed quoting ({m.Reason})");
            },
        };
        using var csv = CsvReader.Create(input.Bytes, options);
        try
        {
            return ReadRows(csv, input, ctx, seen, onRow);
        }
        catch (CsvFormatException e)
        {
            // A record past the row cap (or an unclosed quote running to the end): located, and reading stops.
            int line = Utf8Text.LineAt(input.Bytes, e.ByteOffset);
            ctx.Report(FileRules.InputLimit, new Location(file, line, 0),
                $"a record is longer than the limit of {InputLimits.RowBytes / 1024:N0} KiB (docs/safety.md), or a quote is never closed; reading stopped");
            return new FileTable(path, null, 0);
        }
    }

    private static FileTable ReadRows(CsvReader csv, InputFile input, RuleContext ctx, ISet<TableSchema> seen, Action<SourceRow> onRow)
    {
        var (path, file) = (input.Path, input.Name);
        var top = new Location(file, 1, 0);
        csv.ReadHeader();
        if (csv.Headers.Count == 0)
        {
            ctx.Report(FileRules.EmptyFile, top, "the file has no header row");
            return new FileTable(path, null, 0);
        }
        var headers = csv.Headers.Select(h => h.Trim().TrimStart('\uFEFF').Trim()).ToArray();
        if (headers.Length == 1 && (headers[0].Contains(';') || headers[0].Contains('\t')))
        {
            var sep = headers[0].Contains(';') ? "';' (semicolon)" : "a tab";
            ctx.Report(FileRules.WrongDelimiter, top, $"the file is separated by {sep}, not commas; save it as comma-separated CSV");
            return new FileTable(path, null, 0);
        }
        var dup = headers.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        foreach (var d in dup) ctx.Report(FileRules.DuplicateColumn, top, $"column {d} appears more than once");
        var match = TableRecognition.Recognise(headers, "the file", top, ctx, seen);
        if (match is null) return new FileTable(path, null, 0);
        var table = match.Table;

        int rows = 0;
        int n = table.Columns.Count;
        int childCol = table.IndexOf("CHILD");
        while (csv.Read())
        {
            rows++;
            int line = (int)csv.LineNumber;
            if (ctx.TooManyErrors(file))
            {
                ctx.StopReading(FileRules.InputLimit, new Location(file, line, 0));
                break;
            }
            if (csv.FieldCount != headers.Length)
                ctx.Report(FileRules.FieldCount, new Location(file, line, 0), $"the row has {csv.FieldCount} values but the header has {headers.Length} columns");
            var values = new string?[n];
            for (int k = 0; k < n; k++)
            {
                int src = match.SourceIndex[k];
                if (src < 0 || src >= csv.FieldCount) continue;
                var v = csv.GetString(src);
                if (v.Length > InputLimits.FieldChars)
                {
                    ctx.Report(FileRules.InputLimit, new Location(file, line, src + 1), $"the value has {v.Length:N0} characters, more than the limit of {InputLimits.FieldChars:N0} for one field (docs/safety.md)");
                    v = "";
                }
                values[k] = Normalise(v, k != childCol);
            }
            onRow(new SourceRow(table, new Location(file, line, 0), values, match.SourceIndex));
        }
        if (rows == 0) ctx.Report(FileRules.NoRows, top, $"the {table.Name} table has no data rows");
        return new FileTable(path, table.Name, rows);
    }

    /// <summary>Trims; blank is missing; codes are case-insensitive and kept upper-case (CHILD keeps its case).</summary>
    public static string? Normalise(string? v, bool upper)
    {
        if (v is null) return null;
        var t = v.Trim();
        return t.Length == 0 ? null : upper ? t.ToUpperInvariant() : t;
    }

    // A file of zero bytes, or only a byte order mark and whitespace, has no header row.
    private static bool IsBlank(byte[] bytes) =>
        bytes.Length < 4096 && string.IsNullOrWhiteSpace(System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'));
}
