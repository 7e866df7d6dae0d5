using ClosedXML.Excel;

namespace Qp.Render.Excel;

/// <summary>One coloured key cell: the colour and the words that say the same thing.</summary>
internal sealed record LegendItem(string Label, XLColor Fill, XLColor? Font = null);

/// <summary>The parts every sheet shares: title and notes, colour key, header row, and the finishing touches (borders, frozen header, filter, widths, print set-up).</summary>
internal static class SheetLayout
{
    /// <summary>Writes the title and note rows from row 1; returns the next free row.</summary>
    public static int Preamble(SheetWriter w, string title, IEnumerable<string> notes)
    {
        var t = w.Text(1, 1, title, measure: false);
        t.Style.Font.Bold = true;
        t.Style.Font.FontSize = 14;
        int row = 2;
        foreach (var note in notes)
        {
            var c = w.Text(row++, 1, note, measure: false);
            c.Style.Font.FontColor = Styles.NoteText;
            c.Style.Font.Italic = true;
        }
        return row;
    }

    /// <summary>Writes a colour key on one row: its caption in <paramref name="captionColumn"/>, then one labelled, coloured cell per item, each merged across two columns so that narrow number columns never clip a label.</summary>
    public static void Legend(SheetWriter w, int row, int captionColumn, string caption, IEnumerable<LegendItem> items)
    {
        var cap = w.Text(row, captionColumn, caption, measure: false);
        cap.Style.Font.Bold = true;
        cap.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
        int col = captionColumn + 1;
        foreach (var item in items)
        {
            var cell = w.Text(row, col, item.Label, measure: false);
            var range = w.Sheet.Range(row, col, row, col + 1).Merge();
            range.Style.Fill.BackgroundColor = item.Fill;
            if (item.Font is not null) cell.Style.Font.FontColor = item.Font;
            range.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            col += 2;
        }
    }

    /// <summary>Writes the column headings (bold, shaded, wrapped).</summary>
    public static void Header(SheetWriter w, int row, IReadOnlyList<string> headings)
    {
        int lines = 1;
        for (int i = 0; i < headings.Count; i++)
        {
            var cell = w.Text(row, i + 1, headings[i], measure: false);
            // A heading may wrap onto two lines rather than widen a column of short numbers.
            var longestWord = headings[i].Split(' ').Max(s => s.Length);
            int chars = Math.Max(longestWord, (headings[i].Length + 1) / 2);
            w.Measure(i + 1, new string('0', chars));
            if (headings[i].Length > chars) lines = 2;
        }
        var range = w.Sheet.Range(row, 1, row, headings.Count);
        range.Style.Font.Bold = true;
        range.Style.Fill.BackgroundColor = Styles.HeaderFill;
        range.Style.Alignment.WrapText = true;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        w.Sheet.Row(row).Height = 15 * lines + 1;
    }

    /// <summary>Shades a cell and sets its font colour.</summary>
    public static void Fill(IXLCell cell, XLColor fill, XLColor? font = null)
    {
        cell.Style.Fill.BackgroundColor = fill;
        if (font is not null) cell.Style.Font.FontColor = font;
    }

    /// <summary>Borders, frozen header (and <paramref name="freezeColumns"/>), filter, widths and print set-up for a table from <paramref name="headerRow"/> to <paramref name="lastRow"/>; with <paramref name="printTable"/> false (listings that print only their notes, see <see cref="PrintOnly"/>) no print area or repeated heading.</summary>
    public static void Finish(SheetWriter w, ReportContext ctx, int headerRow, int lastRow, int lastCol, int freezeColumns, string footerTitle, bool printTable = true)
    {
        var ws = w.Sheet;
        lastRow = Math.Max(lastRow, headerRow);
        if (lastRow > headerRow)
        {
            // Borders on the table only, so the printed page has no grid around the titles.
            var table = ws.Range(headerRow, 1, lastRow, lastCol).Style.Border;
            table.InsideBorder = XLBorderStyleValues.Thin;
            table.InsideBorderColor = Styles.GridLine;
            table.OutsideBorder = XLBorderStyleValues.Thin;
            table.OutsideBorderColor = Styles.GridLine;
        }
        ws.SheetView.Freeze(headerRow, freezeColumns);
        ws.Range(headerRow, 1, lastRow, lastCol).SetAutoFilter();
        w.ApplyWidths();
        PrintSetup(ws, ctx, printTable ? headerRow : null, footerTitle);
        if (printTable) ws.PageSetup.PrintAreas.Add(1, 1, lastRow, lastCol);
    }

    /// <summary>Makes <paramref name="area"/> (the sheet's notes) its only print area, on one page: long listings are for the screen and for filtering, not for printing whole.</summary>
    public static void PrintOnly(IXLWorksheet ws, IXLRange area)
    {
        ws.PageSetup.PrintAreas.Clear();
        ws.PageSetup.PrintAreas.Add(area.RangeAddress.FirstAddress.RowNumber, area.RangeAddress.FirstAddress.ColumnNumber,
            area.RangeAddress.LastAddress.RowNumber, area.RangeAddress.LastAddress.ColumnNumber);
        ws.PageSetup.FitToPages(1, 1);
    }

    /// <summary>Landscape A4, one page wide, the header row repeated, and a footer with the page number and the date produced.</summary>
    public static void PrintSetup(IXLWorksheet ws, ReportContext ctx, int? headerRow, string footerTitle)
    {
        var p = ws.PageSetup;
        p.PageOrientation = XLPageOrientation.Landscape;
        p.PaperSize = XLPaperSize.A4Paper;
        p.FitToPages(1, 0);
        if (headerRow is { } h) p.SetRowsToRepeatAtTop(h, h);
        p.Margins.Left = p.Margins.Right = 0.4;
        p.Margins.Top = 0.5;
        p.Margins.Bottom = 0.6;
        p.Margins.Footer = 0.25;
        // Every printed page of a synthetic edition says so, whatever part of the sheet is printed.
        if (ctx.Text.Synthetic) p.Header.Center.AddText("SYNTHETIC DATA: not real figures");
        p.Footer.Left.AddText(CellText.ForHeaderFooter($"QP Reporting: {footerTitle}"));
        p.Footer.Center.AddText("Page &P of &N");
        p.Footer.Right.AddText(CellText.ForHeaderFooter($"Produced {ctx.ProducedText}"));
        p.ShowGridlines = false;
    }
}
