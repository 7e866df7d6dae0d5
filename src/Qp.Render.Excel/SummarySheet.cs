using ClosedXML.Excel;
using Qp.Domain.Indicators;
using Qp.Domain.Results;
using Qp.Domain.Statements;

namespace Qp.Render.Excel;

/// <summary>The Summary sheet: one row per authority with every indicator's value and, where the indicator has a target, its status.</summary>
internal static class SummarySheet
{
    public const string Name = "Summary";

    public static void Write(XLWorkbook wb, ReportContext ctx)
    {
        var w = new SheetWriter(wb.AddWorksheet(Name));
        var focus = ctx.Options.FocusLa;
        var title = $"Quality Protects performance indicators, {ctx.YearText}";
        int row = SheetLayout.Preamble(w, title,
        [
            $"One row per authority: each indicator's value (%) and, for indicators with a target, whether it is met. England first. Produced {ctx.ProducedText}.",
            .. ctx.SheetNotes,
        ]);
        SheetLayout.Legend(w, row++, 2, "Target status key:", Styles.LegendStatuses.Select(s => new LegendItem(Labels.Of(s), Styles.For(s)!.Value.Fill, Styles.For(s)!.Value.Font)));
        if (focus is not null) SheetLayout.Legend(w, row++, 2, "Row key:", RowKey());
        int headerRow = row + 1;

        var headings = new List<string> { "Code", "Authority", "Region", "Type" };
        if (focus is not null) headings.Add("Comparison");
        var columns = new List<(IndicatorDefinition Def, int ValueCol, int? StatusCol)>();
        foreach (var def in ctx.Data.Catalogue)
        {
            headings.Add($"{def.Id} (%)");
            int valueCol = headings.Count;
            int? statusCol = null;
            if (def.Targets.Count > 0)
            {
                headings.Add($"{def.Id} target status");
                statusCol = headings.Count;
            }
            columns.Add((def, valueCol, statusCol));
        }
        SheetLayout.Header(w, headerRow, headings);
        w.ColumnFormat(1, Styles.Whole);
        foreach (var (_, valueCol, _) in columns) w.ColumnFormat(valueCol, Styles.Percent);

        row = headerRow + 1;
        w.Text(row, 2, ctx.Text.EnglandLabel).Style.Font.Bold = true;
        foreach (var (def, valueCol, _) in columns)
            w.Number(row, valueCol, ctx.National(def.Id, ctx.Options.Year)?.Value, Styles.Percent);
        row++;

        foreach (var a in ctx.Rows)
        {
            w.Number(row, 1, a.Authority.Code, Styles.Whole);
            w.Text(row, 2, a.Authority.Name);
            w.Text(row, 3, a.Authority.Region);
            w.Text(row, 4, a.Authority.Type);
            if (focus is not null) w.Text(row, 5, a.Comparison);
            HighlightRow(w.Sheet, row, headings.Count, a);
            foreach (var (def, valueCol, statusCol) in columns)
            {
                var r = ctx.Result(def.Id, ctx.Options.Year, a.Authority.Code);
                if (r is null) continue;
                w.Figure(row, valueCol, ctx.Percent(r, r.Value), Styles.Percent);
                if (statusCol is { } sc) StatusCell(w, row, sc, def, r, ctx);
            }
            row++;
        }
        SheetLayout.Finish(w, ctx, headerRow, row - 1, headings.Count, freezeColumns: 2, footerTitle: $"Summary {ctx.YearText}");
    }

    /// <summary>The key for the --la highlight colours.</summary>
    public static IEnumerable<LegendItem> RowKey() =>
    [
        new("Selected authority", Styles.FocusFill),
        new("Statistical neighbour", Styles.NeighbourFill),
    ];

    /// <summary>Shades and emboldens the focus authority's row, and shades its neighbours' rows.</summary>
    public static void HighlightRow(IXLWorksheet ws, int row, int lastCol, AuthorityRow a)
    {
        if (a.Role == RowRole.Other) return;
        var range = ws.Range(row, 1, row, lastCol);
        range.Style.Fill.BackgroundColor = a.Role == RowRole.Focus ? Styles.FocusFill : Styles.NeighbourFill;
        if (a.Role == RowRole.Focus) range.Style.Font.Bold = true;
    }

    /// <summary>A result's target status as the edition shows it, on its colour: 'c' with no colour when withheld, "No figure" when a due target has nothing to judge.</summary>
    public static void StatusCell(SheetWriter w, int row, int col, IndicatorDefinition def, IndicatorResult r, ReportContext ctx)
    {
        var shown = ctx.Text.Status(def, r, ctx.Options.Year);
        var cell = w.Text(row, col, EditionText.StatusLabel(shown));
        if (EditionText.Mark(shown) is { } status && Styles.For(status) is { } c) SheetLayout.Fill(cell, c.Fill, c.Font);
        else if (shown != ShownStatus.Withheld) cell.Style.Font.FontColor = Styles.NoteText;
    }
}
