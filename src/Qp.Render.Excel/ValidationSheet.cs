using ClosedXML.Excel;
using Qp.Domain;
using Qp.Domain.Validation;

namespace Qp.Render.Excel;

/// <summary>The Validation sheet: the warnings stored with each authority's current return, located by file, line and column.</summary>
internal static class ValidationSheet
{
    public const string Name = "Validation";

    public static void Write(XLWorkbook wb, ReportContext ctx)
    {
        var w = new SheetWriter(wb.AddWorksheet(Name));
        int row = SheetLayout.Preamble(w, "Validation warnings",
        [
            "Warnings stored with each authority's current return (from import and compute). Errors reject a return, so none appear here.",
            $"Not set up to print ({ctx.Data.Warnings.Count:#,0} warnings): filter the rows you need and print the selection.",
            .. ctx.SheetNotes,
        ]);
        int notesEnd = row - 1;
        int headerRow = row + 1;
        bool publish = ctx.Options.Publish;
        // A published workbook names the rule, table, field and line, never the message's text or the file's name, which may quote a value.
        string[] headings = ["LA", "Authority", "Year", publish ? "Table" : "File", "Line", "Column", "Severity", "Code", "Message"];
        SheetLayout.Header(w, headerRow, headings);
        foreach (var col in new[] { 1, 5, 6 }) w.ColumnFormat(col, Styles.Whole);
        row = headerRow + 1;
        var focus = ctx.Options.FocusLa;
        // The focus authority's warnings first, as on the other sheets; otherwise the stored order (authority, year, file, line).
        var warnings = ctx.Data.Warnings.OrderBy(m => m.LaCode == focus ? 0 : 1).ToList();
        if (warnings.Count == 0) w.Text(row++, 2, "No warnings are stored.");
        foreach (var m in warnings)
        {
            w.Number(row, 1, m.LaCode, Styles.Whole);
            w.Text(row, 2, ctx.Data.NameOf(m.LaCode));
            w.Text(row, 3, CollectionYear.Display(m.Year));
            var rule = ctx.Data.Rules.GetValueOrDefault(m.Message.Code);
            w.Text(row, 4, publish ? PublishedMessage.Table(rule) : m.Message.File);
            w.Number(row, 5, m.Message.Line, Styles.Whole);
            w.Number(row, 6, m.Message.Column, Styles.Whole);
            w.Text(row, 7, m.Message.Severity.ToString().ToLowerInvariant());
            w.Text(row, 8, m.Message.Code);
            w.Text(row, 9, publish ? PublishedMessage.Text(m.Message, rule) : m.Message.Message);
            row++;
        }
        SheetLayout.Finish(w, ctx, headerRow, row - 1, headings.Length, freezeColumns: 0, footerTitle: "Validation warnings", printTable: false);
        SheetLayout.PrintOnly(w.Sheet, w.Sheet.Range(1, 1, notesEnd, headings.Length));
        w.Sheet.Column(9).Width = Math.Min(w.Sheet.Column(9).Width, 90);
        w.Sheet.Column(9).Style.Alignment.WrapText = true;
        w.Sheet.Range(headerRow, 1, Math.Max(headerRow, row - 1), headings.Length).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        // Row heights are not recalculated on opening (and AdjustToContents needs GDI+): size each row to its wrapped message.
        int chars = (int)((w.Sheet.Column(9).Width - 2) * 0.85);
        for (int r = headerRow + 1; r < row; r++)
        {
            int lines = DefinitionsSheet.WrappedLines(w.Sheet.Cell(r, 9).GetString(), chars);
            if (lines > 1) w.Sheet.Row(r).Height = 15 * lines + 2;
        }
    }
}
