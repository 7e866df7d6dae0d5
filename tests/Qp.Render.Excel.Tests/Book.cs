using ClosedXML.Excel;

namespace Qp.Render.Excel.Tests;

/// <summary>Writes a workbook from a test store and finds things in it again.</summary>
public static class Book
{
    public static readonly DateTime Produced = new(2026, 11, 23, 10, 0, 0);

    public static string Write(TestStore store, int? la = null, bool publish = false, int year = 2001)
    {
        var path = store.File($"book-{Guid.NewGuid():N}.xlsx");
        ExcelReport.Write(store.Load(), new ExcelReportOptions(year, la, publish, Produced), path);
        return path;
    }

    public static XLWorkbook Open(TestStore store, int? la = null, bool publish = false) => new(Write(store, la, publish));

    /// <summary>The row whose first cell is <paramref name="firstHeading"/>.</summary>
    public static int HeaderRow(IXLWorksheet ws, string firstHeading = "Code") =>
        ws.Column(1).CellsUsed().First(c => c.GetString() == firstHeading).Address.RowNumber;

    public static int Col(IXLWorksheet ws, int headerRow, string heading) =>
        ws.Row(headerRow).CellsUsed().First(c => c.GetString() == heading).Address.ColumnNumber;

    /// <summary>The row whose column B (authority name) is <paramref name="name"/>.</summary>
    public static int RowOf(IXLWorksheet ws, string name) =>
        ws.Column(2).CellsUsed().First(c => c.GetString() == name).Address.RowNumber;

    /// <summary>A cell's number format code, resolving the built-in ids Excel writes without a code.</summary>
    public static string FormatOf(IXLCell c)
    {
        var f = c.Style.NumberFormat;
        if (!string.IsNullOrEmpty(f.Format)) return f.Format;
        return f.NumberFormatId switch { 1 => "0", 2 => "0.00", 3 => "#,##0", 49 => "@", 0 => "General", var id => $"builtin {id}" };
    }

    public static int Argb(XLColor c) => c.Color.ToArgb();

    public static int Argb(string html) => XLColor.FromHtml(html).Color.ToArgb();
}
