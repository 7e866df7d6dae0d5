using Qp.Import.Xlsx;
using Qp.Validate;
using Qp.Validate.Rules;

namespace Qp.Import.ChildLevel;

/// <summary>Reads an Excel workbook with one sheet per table (the sheet's first used row is its header). Locations are "book.xlsx[Sheet]:row:column".</summary>
/// <remarks>
/// The workbook is streamed from its zip (<see cref="XlsxStream"/>): never loaded whole, formulas never evaluated (their saved values
/// are read), and refused past <see cref="XlsxLimits"/> before anything is decompressed.
/// </remarks>
internal static class WorkbookReader
{
    /// <summary>Reads every non-empty sheet of the workbook read into <paramref name="input"/>.</summary>
    public static IReadOnlyList<FileTable> Read(InputFile input, RuleContext ctx, ISet<TableSchema> seen, Action<SourceRow> onRow)
    {
        var (path, name) = (input.Path, input.Name);
        void Report(XlsxProblem p)
        {
            var rule = p.Kind switch
            {
                XlsxProblemKind.TooLarge => FileRules.InputLimit,
                XlsxProblemKind.FormulaWithoutValue => FileRules.FormulaWithoutValue,
                XlsxProblemKind.ImpossibleDate => FileRules.ImpossibleDateSerial,
                _ => FileRules.Malformed,
            };
            ctx.Report(rule, new Location(p.Sheet is null ? name : $"{name}[{p.Sheet}]", p.Row, p.Column), p.Message);
        }
        using var book = XlsxStream.Open(input, Report);
        if (book is null) return [new FileTable(path, null, 0)];
        var result = new List<FileTable>();
        foreach (var (sheet, entry) in book.Sheets)
        {
            var file = $"{name}[{sheet}]";
            using var rows = book.Rows(sheet, entry).GetEnumerator();
            if (!rows.MoveNext()) continue;
            var header = rows.Current;
            int hr = header.Number;
            var headers = Enumerable.Range(1, header.LastColumn).Select(c => header[c] ?? "").ToArray();
            var top = new Location(file, hr, 0);
            var match = TableRecognition.Recognise(headers, "the sheet", top, ctx, seen);
            if (match is null) continue;
            var table = match.Table;
            int count = 0, childCol = table.IndexOf("CHILD");
            while (rows.MoveNext())
            {
                var row = rows.Current;
                if (ctx.TooManyErrors(file))
                {
                    ctx.StopReading(FileRules.InputLimit, new Location(file, row.Number, 0));
                    break;
                }
                count++;
                int line = row.Number;
                var values = new string?[table.Columns.Count];
                var at = new Location[values.Length];
                for (int k = 0; k < values.Length; k++)
                {
                    int src = match.SourceIndex[k];
                    at[k] = new Location(file, line, src + 1);
                    if (src >= 0) values[k] = CsvTableReader.Normalise(row[src + 1], k != childCol);
                }
                onRow(new SourceRow(table, new Location(file, line, 0), values, at));
            }
            if (count == 0) ctx.Report(FileRules.NoRows, top, $"the {table.Name} table has no data rows");
            result.Add(new FileTable(path, table.Name, count));
        }
        return result;
    }
}
