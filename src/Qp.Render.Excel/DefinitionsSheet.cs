using System.Globalization;
using ClosedXML.Excel;
using Qp.Domain.Indicators;

namespace Qp.Render.Excel;

/// <summary>The Definitions sheet: the indicator catalogue in words, and what each column of the indicator sheets means.</summary>
internal static class DefinitionsSheet
{
    public const string Name = "Definitions";

    private static readonly (string Term, string Meaning)[] Glossary =
    [
        ("Value (%)", "100 × numerator ÷ denominator, stored as a percentage (12.3 means 12.3%)."),
        ("95% CI", "Wilson score 95% confidence interval of the value."),
        ("Rank, of", "Position among the authorities with a value, 1 = best by the indicator's polarity; ties share the lowest rank."),
        ("Quartile band", "A = best quarter of authority values to D = worst quarter (type 7 quartiles)."),
        ("PAF band", "Performance band 1 (lowest) to 5 (best) from the indicator's thresholds, or quintiles when it has none."),
        ("vs England", "Similar when England's value lies inside the authority's 95% interval; otherwise Better or Worse by polarity."),
        ("SN average (%)", "Plain mean of the statistical neighbours' values, ignoring missing ones."),
        ("Change (pp)", "Change from the previous year's value, in percentage points."),
        ("Trend", "χ² test for trend in proportions over the latest five consecutive years (significant when χ² > 9.5495)."),
        ("Target status", "Met / Not met / Not yet due against the national target that applies in the year."),
        ("c", "Suppressed by disclosure control in a published workbook."),
    ];

    public static void Write(XLWorkbook wb, ReportContext ctx)
    {
        var w = new SheetWriter(wb.AddWorksheet(Name));
        int row = SheetLayout.Preamble(w, "Definitions", ["The indicator catalogue (templates/indicators) and how to read the indicator sheets.", .. ctx.SheetNotes]);
        int headerRow = row + 1;
        string[] headings = ["Indicator", "Title", "In plain English", "Technical description", "Numerator (technical)", "Denominator (technical)", "Better when", "Unit", "Targets", "PAF bands"];
        SheetLayout.Header(w, headerRow, headings);
        // Long text wraps in columns of these widths rather than running off the page.
        var wrapWidths = new Dictionary<int, int> { [2] = 30, [3] = 50, [4] = 45, [5] = 45, [6] = 45, [9] = 30, [10] = 30 };

        row = headerRow + 1;
        foreach (var d in ctx.Data.Catalogue)
        {
            string[] cells =
            [
                d.Id, d.Title, d.Plain?.Text ?? d.Description, d.Description, d.Numerator, d.Denominator, Labels.Of(d.Polarity), d.Unit,
                d.Targets.Count == 0 ? "None" : string.Join("\n", d.Targets.Select(t => t.Label)),
                Bands(d),
            ];
            for (int i = 0; i < cells.Length; i++) w.Text(row, i + 1, cells[i], measure: !wrapWidths.ContainsKey(i + 1));
            FitRow(w.Sheet, row, cells, wrapWidths);
            row++;
        }
        int lastTableRow = row - 1;

        row++;
        w.Text(row++, 2, "How to read the indicator sheets", measure: false).Style.Font.Bold = true;
        foreach (var (term, meaning) in Glossary)
        {
            w.Text(row, 2, term, measure: false).Style.Font.Bold = true;
            w.Text(row, 3, meaning, measure: false);
            FitRow(w.Sheet, row, ["", term, meaning], wrapWidths);
            row++;
        }

        foreach (var col in wrapWidths.Keys) w.Sheet.Column(col).Style.Alignment.WrapText = true;
        w.Sheet.Range(headerRow, 1, row, headings.Length).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        SheetLayout.Finish(w, ctx, headerRow, lastTableRow, headings.Length, freezeColumns: 1, footerTitle: "Definitions");
        // After Finish, whose measured widths would otherwise size the wrapped columns by their headings.
        foreach (var (col, width) in wrapWidths) w.Sheet.Column(col).Width = width;
        // The glossary below the table is printed with it.
        w.Sheet.PageSetup.PrintAreas.Clear();
        w.Sheet.PageSetup.PrintAreas.Add(1, 1, row - 1, headings.Length);
    }

    /// <summary>The PAF band thresholds in words.</summary>
    public static string Bands(IndicatorDefinition d)
    {
        if (d.BandThresholds.Count != 4) return "Quintiles of the year's authority values";
        var t = d.BandThresholds.Select(v => v.ToString("0.##", CultureInfo.InvariantCulture)).ToArray();
        return d.Polarity == Polarity.LowerIsBetter
            ? $"5: ≤ {t[0]}%\n4: ≤ {t[1]}%\n3: ≤ {t[2]}%\n2: ≤ {t[3]}%\n1: above {t[3]}%"
            : $"5: ≥ {t[3]}%\n4: ≥ {t[2]}%\n3: ≥ {t[1]}%\n2: ≥ {t[0]}%\n1: below {t[0]}%";
    }

    /// <summary>Sets the row height to the wrapped line count of its tallest cell (row heights are not recalculated on opening).</summary>
    private static void FitRow(IXLWorksheet ws, int row, IReadOnlyList<string> cells, IReadOnlyDictionary<int, int> wrapWidths)
    {
        int lines = 1;
        for (int i = 0; i < cells.Count; i++)
        {
            // A wrapped line holds fewer characters than the column's width in '0's: proportional text runs about 15% wider.
            int width = wrapWidths.TryGetValue(i + 1, out var wv) ? (int)((wv - 2) * 0.85) : int.MaxValue;
            lines = Math.Max(lines, cells[i].Split('\n').Sum(l => WrappedLines(l, width)));
        }
        ws.Row(row).Height = 15.75 * lines + 3;
    }

    /// <summary>How many lines a paragraph takes when wrapped at word boundaries to <paramref name="width"/> characters.</summary>
    public static int WrappedLines(string text, int width)
    {
        if (width == int.MaxValue || text.Length <= width) return 1;
        int lines = 1, used = 0;
        foreach (var word in text.Split(' '))
        {
            int need = used == 0 ? word.Length : used + 1 + word.Length;
            if (need > width && used > 0) { lines++; used = word.Length; }
            else used = need;
        }
        return lines;
    }
}
