using Qp.Domain.Disclosure;
using Qp.Domain.Results;

namespace Qp.Render.Excel;

/// <summary>How a streamed Data cell is formatted.</summary>
internal enum DataFormat
{
    Text,
    Count,
    Percent,
    Change,
    Whole,
    Statistic,
    Suppressed,
}

/// <summary>One row of the tidy Data table: one stored figure of one authority (or England), year and indicator.</summary>
internal readonly record struct DataRow(int? LaCode, string LaName, int Year, string Indicator, string Measure, double? Number, string? Text, DataFormat Format);

/// <summary>The Data sheet: a tidy long table of every stored figure for every year, ready for a pivot table.</summary>
/// <remarks>
/// Its rows (about 235,000 for 153 authorities × 7 indicators × 10 years) are streamed into the saved package by
/// <see cref="StreamedSheet"/>: ClosedXML 0.95 keeps every cell as an object and takes about 10 µs a cell to save, which
/// alone would blow the 5-second budget. ClosedXML still writes the sheet itself — heading, widths, filter, frozen row, print set-up.
/// </remarks>
internal static class DataSheet
{
    public const string Name = "Data";

    /// <summary>One type per column: <c>value</c> holds numbers only, <c>label</c> the text measures (trend, status…), <c>suppressed</c> "c" where disclosure control withholds the value.</summary>
    public static readonly string[] Headings = ["la_code", "la_name", "year", "indicator", "measure", "value", "label", "suppressed"];

    /// <summary>The columns (1-based) of value, label and suppressed.</summary>
    public const int ValueColumn = 6, LabelColumn = 7, SuppressedColumn = 8;

    /// <summary>Every stored figure as tidy rows: per indicator (catalogue order) and year, England's figures then each authority's, missing figures left out.</summary>
    public static List<DataRow> Rows(ReportContext ctx)
    {
        var order = ctx.Data.Catalogue.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i);
        int Rank(string id) => order.TryGetValue(id, out var i) ? i : int.MaxValue;
        var keys = ctx.Data.Results.Select(r => (r.Indicator, r.Year)).Concat(ctx.Data.National.Select(n => (n.Indicator, n.Year)))
            .Distinct().OrderBy(k => Rank(k.Indicator)).ThenBy(k => k.Indicator, StringComparer.Ordinal).ThenBy(k => k.Year).ToList();
        var byKey = ctx.Data.Results.GroupBy(r => (r.Indicator, r.Year)).ToDictionary(g => g.Key, g => g.OrderBy(r => r.LaCode).ToList());

        var rows = new List<DataRow>(ctx.Data.Results.Count * 22 + ctx.Data.National.Count * 10);
        foreach (var key in keys)
        {
            if (ctx.National(key.Indicator, key.Year) is { } n) AddNational(rows, ctx, n);
            if (byKey.TryGetValue(key, out var results))
                foreach (var r in results) AddAuthority(rows, ctx, r);
        }
        return rows;
    }

    private static void AddNational(List<DataRow> rows, ReportContext ctx, NationalResult n)
    {
        void Add(string measure, Figure f, DataFormat format)
        {
            if (f.Suppressed || f.Value is not null) rows.Add(Row(null, "England", n.Year, n.Indicator, measure, f, format));
        }
        Add("numerator", ctx.EnglandNumerator(n), DataFormat.Count);
        Add("denominator", ctx.EnglandDenominator(n), DataFormat.Count);
        Add("value", ctx.Edition.HidesEngland(n.Indicator, n.Year) ? Figure.Hidden : Figure.Of(n.Value), DataFormat.Percent);
        Add("published_value", Figure.Of(n.PublishedValue), DataFormat.Percent);
        Add("q1", Figure.Of(n.Q1), DataFormat.Percent);
        Add("median", Figure.Of(n.Median), DataFormat.Percent);
        Add("q3", Figure.Of(n.Q3), DataFormat.Percent);
        Add("authorities", Figure.Of(n.Authorities), DataFormat.Whole);
        Add("target_value", Figure.Of(n.TargetValue), DataFormat.Percent);
        rows.Add(new DataRow(null, "England", n.Year, n.Indicator, "trend", null, Labels.Of(n.Trend), DataFormat.Text));
    }

    private static void AddAuthority(List<DataRow> rows, ReportContext ctx, IndicatorResult r)
    {
        var name = ctx.Data.NameOf(r.LaCode);
        void Add(string measure, Figure f, DataFormat format)
        {
            if (f.Suppressed || f.Value is not null) rows.Add(Row(r.LaCode, name, r.Year, r.Indicator, measure, f, format));
        }
        void Text(string measure, string? text)
        {
            if (!string.IsNullOrEmpty(text)) rows.Add(new DataRow(r.LaCode, name, r.Year, r.Indicator, measure, null, text, DataFormat.Text));
        }
        Text("source", r.Source);
        Add("numerator", ctx.Numerator(r), DataFormat.Count);
        Add("denominator", ctx.Denominator(r), DataFormat.Count);
        Add("value", ctx.Percent(r, r.Value), DataFormat.Percent);
        Add("ci95_lower", ctx.Percent(r, r.Ci95Lower), DataFormat.Percent);
        Add("ci95_upper", ctx.Percent(r, r.Ci95Upper), DataFormat.Percent);
        Add("ci998_lower", ctx.Percent(r, r.Ci998Lower), DataFormat.Percent);
        Add("ci998_upper", ctx.Percent(r, r.Ci998Upper), DataFormat.Percent);
        Add("rank", ctx.Percent(r, r.Rank), DataFormat.Whole);
        Add("rank_of", Figure.Of(r.RankOf), DataFormat.Whole);
        Text("quartile_band", ctx.Revealing(r, r.QuartileBand));
        Add("paf_band", ctx.Percent(r, r.PafBand), DataFormat.Whole);
        Text("vs_england", ctx.Revealing(r, Labels.Of(r.VsEngland)));
        Add("sn_average", Figure.Of(r.SnAverage), DataFormat.Percent);
        Add("region_average", Figure.Of(r.RegionAverage), DataFormat.Percent);
        Add("type_average", Figure.Of(r.TypeAverage), DataFormat.Percent);
        if (ctx.Options.Publish)
        {
            // Published averages are over the figures shown: how many were used, so a reader can check them.
            var (sn, region, type) = ctx.Edition.AverageBases(r);
            Add("sn_average_used", Figure.Of(sn.Used), DataFormat.Whole);
            Add("region_average_used", Figure.Of(region.Used), DataFormat.Whole);
            Add("type_average_used", Figure.Of(type.Used), DataFormat.Whole);
        }
        Add("change_pp", ctx.Change(r), DataFormat.Change);
        Text("trend", ctx.TrendLabel(r));
        Add("trend_chi2", ctx.TrendChi2(r), DataFormat.Statistic);
        Add("target_value", ctx.Target(r), DataFormat.Percent);
        Text("target_status", ctx.Text.Definition(r.Indicator) is { } def
            ? Qp.Domain.Statements.EditionText.StatusLabel(ctx.Text.Status(def, r, r.Year))
            : ctx.Edition.Hides(r, Withheld.Percent | Withheld.Target) ? DisclosureControl.Suppressed : Labels.Of(r.TargetStatus));
        Add("target_distance", ctx.Edition.Hides(r, Withheld.Target) ? Figure.Hidden : ctx.Percent(r, r.TargetDistance), DataFormat.Change);
    }

    private static DataRow Row(int? la, string name, int year, string indicator, string measure, Figure f, DataFormat format) =>
        f.Suppressed
            ? new DataRow(la, name, year, indicator, measure, null, Qp.Domain.Disclosure.DisclosureControl.Suppressed, DataFormat.Suppressed)
            : new DataRow(la, name, year, indicator, measure, f.Value, null, format);

    /// <summary>Writes the heading row and sheet set-up with ClosedXML; the rows themselves are streamed in after saving.</summary>
    public static void WriteFrame(ClosedXML.Excel.XLWorkbook wb, ReportContext ctx, IReadOnlyList<DataRow> rows)
    {
        var w = new SheetWriter(wb.AddWorksheet(Name));
        // The heading is in row 1 so that a pivot table or a data tool finds the table without help.
        for (int i = 0; i < Headings.Length; i++) w.Text(1, i + 1, Headings[i]);
        var head = w.Sheet.Range(1, 1, 1, Headings.Length);
        head.Style.Font.Bold = true;
        head.Style.Fill.BackgroundColor = Styles.HeaderFill;
        // Row 1 only: the rows below are streamed in after saving, so no other cell may be written under the heading.
        // The print note is the sheet's print area, so its column is as wide as the note; the description beside it runs on.
        int noteColumn = Headings.Length + 2;
        var printNote = w.Text(1, noteColumn, $"{(ctx.Text.Synthetic ? "SYNTHETIC DATA. " : "")}Not set up to print ({rows.Count:#,0} rows): filter the rows you need and print the selection.", measure: false);
        var note = w.Text(1, noteColumn + 1,
            $"Every stored figure, all years (year 2001 = 2000-01); percentages as numbers (12.3 = 12.3%); text measures in label; " +
            $"a value withheld by disclosure control is blank with c in suppressed. {string.Join(" ", ctx.SheetNotes)}", measure: false);
        foreach (var n in new[] { printNote, note })
        {
            n.Style.Font.Italic = true;
            n.Style.Font.FontColor = Styles.NoteText;
        }

        // Widths from the content that will be streamed in (names, measures, the longest number shown).
        foreach (var r in rows)
        {
            w.Measure(2, r.LaName);
            w.Measure(4, r.Indicator);
            w.Measure(5, r.Measure);
            if (r.Text is not null && r.Format != DataFormat.Suppressed) w.Measure(LabelColumn, r.Text);
        }
        for (int i = 0; i < Headings.Length; i++) w.Measure(i + 1, Headings[i]);
        w.Measure(1, "000");
        w.Measure(3, "0000");
        w.Measure(ValueColumn, "100,000");
        w.Sheet.SheetView.FreezeRows(1);
        w.Sheet.Range(1, 1, rows.Count + 1, Headings.Length).SetAutoFilter();
        w.ApplyWidths();
        w.Sheet.Column(noteColumn).Width = printNote.GetString().Length + 2;
        SheetLayout.PrintSetup(w.Sheet, ctx, null, "Data, all years");
        // A workbook printed whole must not run to thousands of pages: the Data sheet prints only its notes.
        SheetLayout.PrintOnly(w.Sheet, w.Sheet.Range(1, Headings.Length + 2, 1, Headings.Length + 2));
    }
}
