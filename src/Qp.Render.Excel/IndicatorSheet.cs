using System.Globalization;
using ClosedXML.Excel;
using Qp.Domain.Indicators;

namespace Qp.Render.Excel;

/// <summary>One sheet per indicator: every authority's figures for the year, England first.</summary>
internal static class IndicatorSheet
{
    public static void Write(XLWorkbook wb, ReportContext ctx, IndicatorDefinition def)
    {
        var w = new SheetWriter(wb.AddWorksheet(SheetName(def)));
        var year = ctx.Options.Year;
        var national = ctx.National(def.Id, year);
        bool focus = ctx.Options.FocusLa is not null;

        var notes = new List<string>
        {
            $"{Labels.Of(def.Polarity)}. Target: {(def.Targets.Count == 0 ? "none" : string.Join("; ", def.Targets.Select(t => t.Label)))}. Produced {ctx.ProducedText}.",
        };
        if (national is { Q1: not null })
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Authority values: lower quartile {national.Q1:0.0}%, median {national.Median:0.0}%, upper quartile {national.Q3:0.0}% ({national.Authorities} authorities)."));
        notes.AddRange(ctx.SheetNotes);
        int row = SheetLayout.Preamble(w, $"{def.Id} {def.Title}, {ctx.YearText}", notes);
        SheetLayout.Legend(w, row++, 2, "Target status key:", Styles.LegendStatuses.Select(s => new LegendItem(Labels.Of(s), Styles.For(s)!.Value.Fill, Styles.For(s)!.Value.Font)));
        SheetLayout.Legend(w, row++, 2, "Quartile band key:", Styles.LegendBands.Select(b => new LegendItem(b.Label, Styles.ForBand(b.Band)!)));
        if (focus) SheetLayout.Legend(w, row++, 2, "Row key:", SummarySheet.RowKey());
        int headerRow = row + 1;

        var headings = new List<string> { "Code", "Authority", "Region" };
        if (focus) headings.Add("Comparison");
        int c0 = headings.Count;
        headings.AddRange(["Numerator", "Denominator", "Value (%)", "95% CI lower (%)", "95% CI upper (%)", "Rank", "of",
            "Quartile band", "PAF band", "vs England", "SN average (%)", "Change (pp)", "Trend", "Target (%)", "Target status"]);
        SheetLayout.Header(w, headerRow, headings);
        int Col(int i) => c0 + i;
        w.ColumnFormat(1, Styles.Whole);
        foreach (var (i, format) in new[] { (1, Styles.Count), (2, Styles.Count), (3, Styles.Percent), (4, Styles.Percent), (5, Styles.Percent),
                     (6, Styles.Whole), (7, Styles.Whole), (9, Styles.Whole), (11, Styles.Percent), (12, Styles.Change), (14, Styles.Percent) })
            w.ColumnFormat(Col(i), format);

        row = headerRow + 1;
        if (national is not null)
        {
            w.Text(row, 2, ctx.Text.EnglandLabel).Style.Font.Bold = true;
            w.Figure(row, Col(1), ctx.EnglandNumerator(national), Styles.Count);
            w.Figure(row, Col(2), ctx.EnglandDenominator(national), Styles.Count);
            w.Figure(row, Col(3), ctx.Edition.HidesEngland(national.Indicator, national.Year) ? Figure.Hidden : Figure.Of(national.Value), Styles.Percent);
            w.Text(row, Col(13), Labels.Of(national.Trend));
            w.Number(row, Col(14), national.TargetValue, Styles.Percent);
            row++;
            if (national.PublishedValue is { } published)
            {
                w.Text(row, 2, "England (published)");
                w.Number(row, Col(3), published, Styles.Percent);
                row++;
            }
        }

        foreach (var a in ctx.Rows)
        {
            w.Number(row, 1, a.Authority.Code, Styles.Whole);
            w.Text(row, 2, a.Authority.Name);
            w.Text(row, 3, a.Authority.Region);
            if (focus) w.Text(row, 4, a.Comparison);
            SummarySheet.HighlightRow(w.Sheet, row, headings.Count, a);
            var r = ctx.Result(def.Id, year, a.Authority.Code);
            if (r is not null)
            {
                w.Figure(row, Col(1), ctx.Numerator(r), Styles.Count);
                w.Figure(row, Col(2), ctx.Denominator(r), Styles.Count);
                w.Figure(row, Col(3), ctx.Percent(r, r.Value), Styles.Percent);
                w.Figure(row, Col(4), ctx.Percent(r, r.Ci95Lower), Styles.Percent);
                w.Figure(row, Col(5), ctx.Percent(r, r.Ci95Upper), Styles.Percent);
                // Rank, bands, comparison and status would each give a hidden percentage away, so they go with it.
                w.Figure(row, Col(6), ctx.Percent(r, r.Rank), Styles.Whole);
                w.Number(row, Col(7), r.RankOf, Styles.Whole);
                var band = w.Text(row, Col(8), ctx.Revealing(r, r.QuartileBand));
                if (Styles.ForBand(r.QuartileBand) is { } fill) SheetLayout.Fill(band, fill);
                band.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
                w.Figure(row, Col(9), ctx.Percent(r, r.PafBand), Styles.Whole);
                w.Text(row, Col(10), ctx.Revealing(r, r.VsEngland == Qp.Domain.Results.VsEngland.NotCompared ? null : Labels.Of(r.VsEngland)));
                w.Number(row, Col(11), ctx.Text.Neighbours(r).Value, Styles.Percent);
                w.Figure(row, Col(12), ctx.Change(r), Styles.Change);
                w.Text(row, Col(13), ctx.TrendLabel(r));
                w.Figure(row, Col(14), ctx.Target(r), Styles.Percent);
                SummarySheet.StatusCell(w, row, Col(15), def, r, ctx);
            }
            row++;
        }
        SheetLayout.Finish(w, ctx, headerRow, row - 1, headings.Count, freezeColumns: 2, footerTitle: $"{def.Id} {ctx.YearText}");
    }

    /// <summary>The sheet's name: the indicator id, cut to Excel's 31 characters without the characters sheet names forbid.</summary>
    public static string SheetName(IndicatorDefinition def)
    {
        var name = new string(def.Id.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray());
        return name.Length > 31 ? name[..31] : name;
    }
}
