using System.Globalization;
using ClosedXML.Excel;
using Qp.Validate;
using Qp.Validate.Rules;

namespace Qp.Import.ChildLevel;

/// <summary>Reads an Excel workbook with one sheet per table (the sheet's first used row is its header). Locations are "book.xlsx[Sheet]:row:column".</summary>
/// <remarks>ClosedXML loads the whole workbook into memory: workbooks suit small returns; large ones should be CSV or XML, which stream.</remarks>
internal static class WorkbookReader
{
    /// <summary>Reads every non-empty sheet of <paramref name="path"/>.</summary>
    public static IReadOnlyList<FileTable> Read(string path, RuleContext ctx, ISet<TableSchema> seen, Action<SourceRow> onRow)
    {
        var name = Path.GetFileName(path);
        XLWorkbook book;
        try
        {
            using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            book = new XLWorkbook(s);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            ctx.Report(FileRules.Malformed, new Location(name, 0, 0), $"the workbook cannot be read ({e.GetType().Name})");
            return [new FileTable(path, null, 0)];
        }
        using (book)
        {
            var result = new List<FileTable>();
            foreach (var ws in book.Worksheets)
            {
                var file = $"{name}[{ws.Name}]";
                var headerRow = ws.FirstRowUsed();
                if (headerRow is null) continue;
                int hr = headerRow.RowNumber();
                int lastCol = headerRow.LastCellUsed().Address.ColumnNumber;
                var headers = Enumerable.Range(1, lastCol).Select(c => Text(ws.Cell(hr, c)) ?? "").ToArray();
                var top = new Location(file, hr, 0);
                var match = TableRecognition.Recognise(headers, "the sheet", top, ctx, seen);
                if (match is null) continue;
                var table = match.Table;
                int rows = 0, childCol = table.IndexOf("CHILD");
                foreach (var row in ws.RowsUsed().Where(r => r.RowNumber() > hr))
                {
                    rows++;
                    int line = row.RowNumber();
                    var values = new string?[table.Columns.Count];
                    var at = new Location[values.Length];
                    for (int k = 0; k < values.Length; k++)
                    {
                        int src = match.SourceIndex[k];
                        at[k] = new Location(file, line, src + 1);
                        if (src >= 0) values[k] = CsvTableReader.Normalise(Text(row.Cell(src + 1)), k != childCol);
                    }
                    onRow(new SourceRow(table, new Location(file, line, 0), values, at));
                }
                if (rows == 0) ctx.Report(FileRules.NoRows, top, $"the {table.Name} table has no data rows");
                result.Add(new FileTable(path, table.Name, rows));
            }
            return result;
        }
    }

    // Dates typed as dates become dd/mm/yyyy; numbers lose Excel's trailing ".0"; text is read as it is.
    private static string? Text(IXLCell c) => c.IsEmpty() ? null : c.DataType switch
    {
        XLDataType.DateTime => c.GetDateTime().ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        XLDataType.Number => c.GetDouble().ToString("0.##########", CultureInfo.InvariantCulture),
        _ => c.GetString(),
    };
}
