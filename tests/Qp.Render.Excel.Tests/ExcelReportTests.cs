using System.IO.Compression;
using ClosedXML.Excel;
using Qp.Domain.Results;

namespace Qp.Render.Excel.Tests;

public class ExcelReportTests
{
    [Fact]
    public void Sheets_are_summary_one_per_indicator_then_definitions_data_validation()
    {
        using var store = Fixture.Store();
        using var wb = Book.Open(store);
        wb.Worksheets.Select(w => w.Name).Should().Equal(
            "Summary", "A1", "A2", "A3", "B7", "C23", "D78", "HA", "Definitions", "Data", "Validation");
    }

    [Fact]
    public void Indicator_sheet_cells_equal_the_stored_results_with_number_formats()
    {
        using var store = Fixture.Store();
        var stored = store.Load().Results.Single(r => r.Indicator == "A1" && r.Year == 2001 && r.LaCode == 805);
        using var wb = Book.Open(store);
        var ws = wb.Worksheet("A1");
        int h = Book.HeaderRow(ws), row = Book.RowOf(ws, "Hartlepool");
        IXLCell Cell(string heading) => ws.Cell(row, Book.Col(ws, h, heading));

        Cell("Code").GetValue<int>().Should().Be(805);
        Cell("Numerator").GetDouble().Should().Be(stored.Numerator!.Value);
        Cell("Denominator").GetDouble().Should().Be(stored.Denominator!.Value);
        Cell("Value (%)").GetDouble().Should().Be(stored.Value!.Value);
        Cell("95% CI lower (%)").GetDouble().Should().Be(stored.Ci95Lower!.Value);
        Cell("95% CI upper (%)").GetDouble().Should().Be(stored.Ci95Upper!.Value);
        Cell("Rank").GetDouble().Should().Be(stored.Rank!.Value);
        Cell("of").GetDouble().Should().Be(stored.RankOf!.Value);
        Cell("Quartile band").GetString().Should().Be("A");
        Cell("PAF band").GetDouble().Should().Be(5);
        Cell("vs England").GetString().Should().Be("Better");
        Cell("SN average (%)").GetDouble().Should().Be(stored.SnAverage!.Value);
        Cell("Change (pp)").GetDouble().Should().Be(stored.ChangePp!.Value);
        Cell("Trend").GetString().Should().Be("Decreasing");
        Cell("Target (%)").GetDouble().Should().Be(16);
        Cell("Target status").GetString().Should().Be("Met");

        Book.FormatOf(Cell("Numerator")).Should().Be("#,##0");
        Book.FormatOf(Cell("Denominator")).Should().Be("#,##0");
        Book.FormatOf(Cell("Value (%)")).Should().Be("0.0");
        Book.FormatOf(Cell("95% CI upper (%)")).Should().Be("0.0");
        Book.FormatOf(Cell("Change (pp)")).Should().Be("+0.0;-0.0;0.0");
        Cell("Value (%)").DataType.Should().Be(XLDataType.Number);
    }

    [Fact]
    public void England_rows_come_first_with_the_computed_and_published_values()
    {
        using var store = Fixture.Store();
        using var wb = Book.Open(store);
        var ws = wb.Worksheet("A1");
        int h = Book.HeaderRow(ws);
        ws.Cell(h + 1, 2).GetString().Should().Be("England (exact counts)");
        ws.Cell(h + 1, Book.Col(ws, h, "Numerator")).GetDouble().Should().Be(1234);
        ws.Cell(h + 1, Book.Col(ws, h, "Denominator")).GetDouble().Should().Be(5678);
        ws.Cell(h + 1, Book.Col(ws, h, "Value (%)")).GetDouble().Should().Be(21.73);
        ws.Cell(h + 2, 2).GetString().Should().Be("England (published)");
        ws.Cell(h + 2, Book.Col(ws, h, "Value (%)")).GetDouble().Should().Be(21.5);
        // The quartiles of authority values are stated above the table: 10.0, 15.0, 20.0 of 8 authorities.
        ws.Range(1, 1, h, 1).CellsUsed().Select(c => c.GetString()).Should()
            .Contain("Authority values: lower quartile 10.0%, median 15.0%, upper quartile 20.0% (8 authorities).");
    }

    [Fact]
    public void Summary_has_each_authority_with_values_and_coloured_labelled_target_status()
    {
        using var store = Fixture.Store();
        using var wb = Book.Open(store);
        var ws = wb.Worksheet("Summary");
        int h = Book.HeaderRow(ws);
        ws.Row(h).Cells(1, 4).Select(c => c.GetString()).Should().Equal("Code", "Authority", "Region", "Type");
        // A1, A2, A3, D78 have targets, so a status column; B7, C23, HA have none.
        ws.Row(h).CellsUsed().Select(c => c.GetString()).Skip(4).Should().Equal(
            "A1 (%)", "A1 target status", "A2 (%)", "A2 target status", "A3 (%)", "A3 target status", "B7 (%)", "C23 (%)",
            "D78 (%)", "D78 target status", "HA (%)");
        ws.Cell(h + 1, 2).GetString().Should().Be("England (exact counts)");
        ws.Cell(h + 1, Book.Col(ws, h, "A1 (%)")).GetDouble().Should().Be(21.73);

        int hartlepool = Book.RowOf(ws, "Hartlepool");
        ws.Cell(hartlepool, Book.Col(ws, h, "A2 (%)")).GetDouble().Should().Be(60.0);
        var met = ws.Cell(hartlepool, Book.Col(ws, h, "A1 target status"));
        met.GetString().Should().Be("Met");
        Book.Argb(met.Style.Fill.BackgroundColor).Should().Be(Book.Argb("#C6EFCE"));
        var notMet = ws.Cell(Book.RowOf(ws, "@x"), Book.Col(ws, h, "A1 target status"));
        notMet.GetString().Should().Be("Not met");
        Book.Argb(notMet.Style.Fill.BackgroundColor).Should().Be(Book.Argb("#FFC7CE"));

        // The key: each colour beside (in) a cell that names it.
        var key = ws.Range(1, 1, h - 1, 20).CellsUsed().ToDictionary(c => c.GetString(), c => c);
        Book.Argb(key["Met"].Style.Fill.BackgroundColor).Should().Be(Book.Argb("#C6EFCE"));
        Book.Argb(key["Not met"].Style.Fill.BackgroundColor).Should().Be(Book.Argb("#FFC7CE"));
        Book.Argb(key["Not yet due"].Style.Fill.BackgroundColor).Should().Be(Book.Argb("#FFEB9C"));
        // Rows: England then 8 authorities.
        ws.Column(2).CellsUsed().Count(c => c.Address.RowNumber > h).Should().Be(9);
    }

    [Fact]
    public void Quartile_bands_are_coloured_and_keyed()
    {
        using var store = Fixture.Store();
        using var wb = Book.Open(store);
        var ws = wb.Worksheet("A1");
        int h = Book.HeaderRow(ws);
        var band = ws.Cell(Book.RowOf(ws, "@x"), Book.Col(ws, h, "Quartile band"));
        band.GetString().Should().Be("D");
        var key = ws.Range(1, 1, h - 1, 30).CellsUsed().ToDictionary(c => c.GetString(), c => c);
        key.Keys.Should().Contain(["A: best quarter", "B: second quarter", "C: third quarter", "D: worst quarter"]);
        Book.Argb(band.Style.Fill.BackgroundColor).Should().Be(Book.Argb(key["D: worst quarter"].Style.Fill.BackgroundColor));
        Book.Argb(band.Style.Fill.BackgroundColor).Should().NotBe(Book.Argb(key["A: best quarter"].Style.Fill.BackgroundColor));
    }

    [Fact]
    public void Every_sheet_has_a_frozen_header_a_filter_and_print_set_up()
    {
        using var store = Fixture.Store();
        using var wb = Book.Open(store);
        foreach (var ws in wb.Worksheets)
        {
            int h = ws.Name switch { "Data" => 1, "Definitions" => Book.HeaderRow(ws, "Indicator"), "Validation" => Book.HeaderRow(ws, "LA"), _ => Book.HeaderRow(ws) };
            ws.SheetView.SplitRow.Should().Be(h, ws.Name);
            ws.AutoFilter.IsEnabled.Should().BeTrue(ws.Name);
            ws.AutoFilter.Range.FirstRow().RowNumber().Should().Be(h, ws.Name);
            ws.PageSetup.PageOrientation.Should().Be(XLPageOrientation.Landscape, ws.Name);
            ws.PageSetup.PagesWide.Should().Be(1, ws.Name);
            // The listings print only their notes (one page), so they repeat no heading; the tables repeat theirs.
            ws.PageSetup.FirstRowToRepeatAtTop.Should().Be(ws.Name is "Data" or "Validation" ? 0 : h, ws.Name);
        }
        wb.Worksheet("A1").SheetView.SplitColumn.Should().Be(2);
    }

    [Fact]
    public void Every_sheet_prints_page_numbers_and_the_date_in_its_footer()
    {
        using var store = Fixture.Store();
        var path = Book.Write(store);
        // ClosedXML 0.95 does not read footers back, so the sheet parts are read as written.
        using var zip = ZipFile.OpenRead(path);
        var sheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).ToList();
        sheets.Should().HaveCount(11);
        foreach (var e in sheets)
        {
            using var r = new StreamReader(e.Open());
            r.ReadToEnd().Should().Contain("&amp;CPage &amp;P of &amp;N&amp;RProduced 23 November 2026</x:oddFooter>", e.FullName);
        }
    }

    [Fact]
    public void Document_properties_name_the_report_and_its_author()
    {
        using var store = Fixture.Store();
        using var wb = Book.Open(store, la: 805);
        wb.Properties.Title.Should().Be("Quality Protects performance indicators 2000-01: Hartlepool");
        wb.Properties.Author.Should().Be("QP Reporting");
    }

    [Fact]
    public void Column_widths_fit_the_longest_content()
    {
        using var store = Fixture.Store();
        using var wb = Book.Open(store);
        var ws = wb.Worksheet("A1");
        // The longest authority name is the 44-character hyperlink text; +3 for padding.
        ws.Column(2).Width.Should().Be(Fixture.Hyperlink.Length + 3);
        // Column C holds regions: "North East" is 10 characters (the key's labels span two merged columns and are not counted).
        ws.Column(3).Width.Should().Be("North East".Length + 3);
        wb.Worksheet("Data").Column(2).Width.Should().Be(Fixture.Hyperlink.Length + 3);
    }

    [Fact]
    public void Focus_authority_comes_first_highlighted_with_its_neighbours_beneath()
    {
        using var store = Fixture.Store();
        using var wb = Book.Open(store, la: 805);
        foreach (var name in new[] { "Summary", "A1" })
        {
            var ws = wb.Worksheet(name);
            int h = Book.HeaderRow(ws);
            int cmp = Book.Col(ws, h, "Comparison");
            var names = Enumerable.Range(h + 1, 20).Select(r => ws.Cell(r, 2).GetString()).Where(s => s != "").ToList();
            string[] top = name == "A1" ? ["England (exact counts)", "England (published)"] : ["England (exact counts)"];
            names.Take(top.Length).Should().Equal(top);
            names.SkipWhile(n => n.StartsWith("England", StringComparison.Ordinal)).Should().Equal(
                "Hartlepool", "Redcar and Cleveland", "Middlesbrough", "+1", "-2", Fixture.Hyperlink, "@x", "Stockton-on-Tees");
            int focus = Book.RowOf(ws, "Hartlepool");
            ws.Cell(focus, cmp).GetString().Should().Be("Selected authority");
            Book.Argb(ws.Cell(focus, 2).Style.Fill.BackgroundColor).Should().Be(Book.Argb("#FFF2CC"));
            ws.Cell(focus, 2).Style.Font.Bold.Should().BeTrue();
            ws.Cell(focus + 1, cmp).GetString().Should().Be("Statistical neighbour 1");
            ws.Cell(focus + 2, cmp).GetString().Should().Be("Statistical neighbour 2");
            Book.Argb(ws.Cell(focus + 1, 2).Style.Fill.BackgroundColor).Should().Be(Book.Argb("#EAF1FB"));
            ws.Cell(focus + 3, cmp).GetString().Should().BeEmpty();
        }
    }

    [Fact]
    public void Without_a_focus_authorities_are_in_name_order_with_no_comparison_column()
    {
        using var store = Fixture.Store();
        using var wb = Book.Open(store);
        var ws = wb.Worksheet("Summary");
        int h = Book.HeaderRow(ws);
        ws.Row(h).CellsUsed().Select(c => c.GetString()).Should().NotContain("Comparison");
        Enumerable.Range(h + 2, 8).Select(r => ws.Cell(r, 2).GetString()).Should().Equal(
            "+1", "-2", Fixture.Hyperlink, "@x", "Hartlepool", "Middlesbrough", "Redcar and Cleveland", "Stockton-on-Tees");
    }

    [Fact]
    public void Definitions_come_from_the_catalogue()
    {
        using var store = Fixture.Store();
        using var wb = Book.Open(store);
        var ws = wb.Worksheet("Definitions");
        int h = Book.HeaderRow(ws, "Indicator");
        var a1 = TestStore.Catalogue[0];
        ws.Cell(h + 1, 1).GetString().Should().Be("A1");
        ws.Cell(h + 1, 2).GetString().Should().Be(a1.Title);
        ws.Cell(h + 1, 3).GetString().Should().Be(a1.Plain!.Text);
        ws.Cell(h + 1, 4).GetString().Should().Be(a1.Description);
        ws.Cell(h + 1, 7).GetString().Should().Be("Lower is better");
        ws.Cell(h + 1, 9).GetString().Should().Be(a1.Targets[0].Label);
        // A1's thresholds 10, 13, 16, 20, lower is better.
        ws.Cell(h + 1, 10).GetString().Should().Be("5: ≤ 10%\n4: ≤ 13%\n3: ≤ 16%\n2: ≤ 20%\n1: above 20%");
        ws.Column(1).CellsUsed().Count(c => c.Address.RowNumber > h).Should().Be(7);
    }

    [Fact]
    public void Validation_sheet_lists_the_stored_warnings()
    {
        using var store = Fixture.Store();
        using var wb = Book.Open(store);
        var ws = wb.Worksheet("Validation");
        int h = Book.HeaderRow(ws, "LA");
        ws.Row(h).CellsUsed().Select(c => c.GetString()).Should().Equal("LA", "Authority", "Year", "File", "Line", "Column", "Severity", "Code", "Message");
        var row = ws.Row(h + 1).Cells(1, 9).Select(c => c.GetString()).ToList();
        row.Should().Equal("805", "Hartlepool", "1999-00", "Episodes.csv", "14", "4", "warning", "W301", "PLACE T9 is not a known placement type");
        ws.Cell(h + 2, 2).GetString().Should().Be(Fixture.Hyperlink);
        ws.Cell(h + 2, 9).GetString().Should().Be("=1+1 looks like a formula");
    }

    [Fact]
    public void Data_sheet_is_a_tidy_table_of_every_stored_figure()
    {
        using var store = Fixture.Store();
        using var wb = Book.Open(store);
        var ws = wb.Worksheet("Data");
        ws.Row(1).Cells(1, 8).Select(c => c.GetString()).Should().Equal("la_code", "la_name", "year", "indicator", "measure", "value", "label", "suppressed");
        // Each figure sits in the column of its type: numbers in value, text measures in label.
        var rows = ws.RowsUsed().Skip(1).Select(r => (La: r.Cell(1).GetString(), Name: r.Cell(2).GetString(), Year: r.Cell(3).GetString(),
            Ind: r.Cell(4).GetString(), Measure: r.Cell(5).GetString(), Cell: r.Cell(6).IsEmpty() ? r.Cell(7) : r.Cell(6))).ToList();
        var hartlepool = rows.Where(r => r.La == "805" && r.Year == "2001" && r.Ind == "A1").ToList();
        // Every field of Hartlepool's A1 result is set, so every measure is there, in this order.
        hartlepool.Select(r => r.Measure).Should().Equal("source", "numerator", "denominator", "value", "ci95_lower", "ci95_upper",
            "ci998_lower", "ci998_upper", "rank", "rank_of", "quartile_band", "paf_band", "vs_england", "sn_average", "region_average",
            "type_average", "change_pp", "trend", "trend_chi2", "target_value", "target_status", "target_distance");
        var s = Fixture.Hartlepool;
        double Num(string m) => hartlepool.Single(r => r.Measure == m).Cell.GetDouble();
        Num("ci998_upper").Should().Be(s.Ci998Upper!.Value);
        Num("sn_average").Should().Be(s.SnAverage!.Value);
        Num("type_average").Should().Be(s.TypeAverage!.Value);
        Num("trend_chi2").Should().Be(s.TrendChi2!.Value);
        Num("change_pp").Should().Be(-2.5);
        hartlepool.Single(r => r.Measure == "target_status").Cell.GetString().Should().Be("Met");
        hartlepool.Single(r => r.Measure == "value").Cell.DataType.Should().Be(XLDataType.Number);
        Book.FormatOf(hartlepool.Single(r => r.Measure == "value").Cell).Should().Be("0.0");
        Book.FormatOf(hartlepool.Single(r => r.Measure == "denominator").Cell).Should().Be("#,##0");
        Book.FormatOf(ws.Cell(2, 3)).Should().Be("0");
        ws.Cell(2, 3).DataType.Should().Be(XLDataType.Number);

        // England's 2001 A1 figures come first for that indicator and year.
        var england = rows.Where(r => r.Name == "England" && r.Year == "2001" && r.Ind == "A1").ToList();
        england.Select(r => r.Measure).Should().Equal("numerator", "denominator", "value", "published_value", "q1", "median", "q3",
            "authorities", "target_value", "trend");
        england[0].Cell.GetDouble().Should().Be(1234);
        england[0].La.Should().BeEmpty();
        rows.Select(r => r.Year).Distinct().Should().BeEquivalentTo(["2000", "2001"]);
        // Missing figures are left out: Middlesbrough's A1 2001 result has no 99.8% interval, SN average or χ².
        var middlesbrough = rows.Where(r => r.La == "806" && r.Year == "2001").Select(r => r.Measure).ToList();
        middlesbrough.Should().Contain("ci95_upper").And.NotContain("ci998_upper").And.NotContain("sn_average").And.NotContain("trend_chi2");
        rows.Should().OnlyContain(r => !r.Cell.IsEmpty());
    }

    [Fact]
    public void Without_publish_nothing_is_suppressed()
    {
        using var store = Fixture.Store();
        using var wb = Book.Open(store);
        // (The Definitions glossary explains what 'c' means, so it is left out.)
        foreach (var ws in wb.Worksheets.Where(w => w.Name != "Definitions"))
            ws.CellsUsed().Where(c => c.GetString() == "c").Should().BeEmpty(ws.Name);
        var a1 = wb.Worksheet("A1");
        int h = Book.HeaderRow(a1);
        a1.Cell(Book.RowOf(a1, "Middlesbrough"), Book.Col(a1, h, "Numerator")).GetDouble().Should().Be(1);
        a1.Range(1, 1, h, 1).CellsUsed().Select(c => c.GetString()).Should().Contain(c => c.StartsWith("Not for publication", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Hartlepool", "0", "0")]            // numerator 0 of 40: 0 is not 1–5, shown
    [InlineData("Middlesbrough", "c", "c")]         // 1 of 40: numerator and percentage suppressed
    [InlineData("Redcar and Cleveland", "c", "c")]  // 5 of 40: suppressed
    [InlineData("Stockton-on-Tees", "6", "15")]     // 6 of 40 = 15%: shown
    [InlineData(Fixture.Hyperlink, "c", "c")]       // 6 of 9: percentage suppressed (denominator under 10), and the numerator that would give it away
    [InlineData("+1", "6", "60")]                   // 6 of 10 = 60%: shown
    public void Publish_suppresses_small_numbers(string authority, string numerator, string value)
    {
        using var store = Fixture.Store();
        using var wb = Book.Open(store, publish: true);
        var ws = wb.Worksheet("A1");
        int h = Book.HeaderRow(ws), row = Book.RowOf(ws, authority);
        ws.Cell(row, Book.Col(ws, h, "Numerator")).GetString().Should().Be(numerator);
        ws.Cell(row, Book.Col(ws, h, "Value (%)")).GetString().Should().Be(value);
        ws.Cell(row, Book.Col(ws, h, "95% CI lower (%)")).GetString().Should().Be(value == "c" ? "c" : ws.Cell(row, Book.Col(ws, h, "95% CI lower (%)")).GetDouble().ToString());
        ws.Cell(row, Book.Col(ws, h, "Denominator")).DataType.Should().Be(XLDataType.Number);
        // Rank, bands, comparison and status would each narrow down a hidden percentage, so they are hidden with it.
        foreach (var col in new[] { "Rank", "Quartile band", "PAF band", "vs England", "Target status" })
            if (value == "c") ws.Cell(row, Book.Col(ws, h, col)).GetString().Should().Be("c", col);
            else ws.Cell(row, Book.Col(ws, h, col)).GetString().Should().NotBe("c", col);

        var summary = wb.Worksheet("Summary");
        summary.Cell(Book.RowOf(summary, authority), Book.Col(summary, Book.HeaderRow(summary), "A1 (%)")).GetString().Should().Be(value);

        var data = wb.Worksheet("Data").RowsUsed().Where(r => r.Cell(2).GetString() == authority && r.Cell(3).GetString() == "2001" && r.Cell(4).GetString() == "A1")
            .ToDictionary(r => r.Cell(5).GetString(), r => r.Cell(6).IsEmpty() ? r.Cell(8).GetString() : r.Cell(6).GetString());
        data["numerator"].Should().Be(numerator);
        data["value"].Should().Be(value);
        if (value == "c") data["ci95_upper"].Should().Be("c");
        data["denominator"].Should().NotBe("c");
        // A withheld figure leaves value blank (the column stays numeric) and says c in suppressed.
        var valueRow = wb.Worksheet("Data").RowsUsed().Single(r => r.Cell(2).GetString() == authority && r.Cell(3).GetString() == "2001"
                                                                    && r.Cell(4).GetString() == "A1" && r.Cell(5).GetString() == "value");
        if (value == "c") valueRow.Cell(6).IsEmpty().Should().BeTrue();
        else valueRow.Cell(6).DataType.Should().Be(XLDataType.Number);
    }

    [Fact]
    public void Publish_rounds_national_counts_hides_revealing_changes_and_says_so()
    {
        using var store = Fixture.Store();
        using var wb = Book.Open(store, publish: true);
        var ws = wb.Worksheet("A1");
        int h = Book.HeaderRow(ws);
        // 1234 → 1230 and 5678 → 5680 (nearest 10); England's published percentage is worked out from the rounded counts,
        // 100·1230/5680 = 21.65…, so that with every authority's denominator shown it gives no more than the rounded count.
        ws.Cell(h + 1, Book.Col(ws, h, "Numerator")).GetDouble().Should().Be(1230);
        ws.Cell(h + 1, Book.Col(ws, h, "Denominator")).GetDouble().Should().Be(5680);
        ws.Cell(h + 1, Book.Col(ws, h, "Value (%)")).GetDouble().Should().BeApproximately(100.0 * 1230 / 5680, 1e-9);
        // Stockton's 2000 numerator was 3 (suppressed), so its 2001 change would reveal it; Hartlepool's 2000 was 1 of 40, likewise.
        ws.Cell(Book.RowOf(ws, "Stockton-on-Tees"), Book.Col(ws, h, "Change (pp)")).GetString().Should().Be("c");
        ws.Cell(Book.RowOf(ws, "@x"), Book.Col(ws, h, "Change (pp)")).GetDouble().Should().Be(1.5);
        foreach (var sheet in new[] { "Summary", "A1" })
            wb.Worksheet(sheet).Range(1, 1, 6, 1).CellsUsed().Select(c => c.GetString())
                .Should().Contain(c => c.StartsWith("Disclosure control applied", StringComparison.Ordinal), sheet);
        var england = wb.Worksheet("Data").RowsUsed().Where(r => r.Cell(2).GetString() == "England" && r.Cell(3).GetString() == "2001" && r.Cell(4).GetString() == "A1")
            .ToDictionary(r => r.Cell(5).GetString(), r => r.Cell(6));
        england["numerator"].GetDouble().Should().Be(1230);
        england["denominator"].GetDouble().Should().Be(5680);
    }

    [Theory]
    [InlineData("Summary")]
    [InlineData("A1")]
    public void Formula_like_names_are_text_not_formulas(string sheet)
    {
        using var store = Fixture.Store();
        using var wb = Book.Open(store);
        var ws = wb.Worksheet(sheet);
        foreach (var name in new[] { Fixture.Hyperlink, "+1", "-2", "@x" })
        {
            var cell = ws.Cell(Book.RowOf(ws, name), 2);
            cell.DataType.Should().Be(XLDataType.Text);
            cell.HasFormula.Should().BeFalse();
            cell.GetString().Should().Be(name);
        }
    }

    [Fact]
    public void No_cell_anywhere_is_a_formula()
    {
        using var store = Fixture.Store();
        var path = Book.Write(store, la: 901, publish: true);
        using (var wb = new XLWorkbook(path))
        {
            foreach (var ws in wb.Worksheets)
                ws.CellsUsed().Where(c => c.HasFormula).Should().BeEmpty(ws.Name);
            var data = wb.Worksheet("Data").RowsUsed().Where(r => r.Cell(2).GetString() == Fixture.Hyperlink).ToList();
            data.Should().NotBeEmpty();
            data.Should().OnlyContain(r => r.Cell(2).DataType == XLDataType.Text && !r.Cell(2).HasFormula);
            // A published Validation sheet quotes no message text at all (it may quote a value); the unpublished one is checked below.
            wb.Worksheet("Validation").CellsUsed().Should().NotContain(c => c.GetString().Contains("=1+1", StringComparison.Ordinal));
        }
        using (var plain = new XLWorkbook(Book.Write(store, la: 901)))
        {
            var message = plain.Worksheet("Validation").CellsUsed().Single(c => c.GetString() == "=1+1 looks like a formula");
            message.DataType.Should().Be(XLDataType.Text);
            message.HasFormula.Should().BeFalse();
        }
        // And in the file itself: no <f> element in any sheet part.
        using var zip = ZipFile.OpenRead(path);
        foreach (var e in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)))
        {
            using var r = new StreamReader(e.Open());
            var xml = r.ReadToEnd();
            xml.Should().NotContain("<x:f>").And.NotContain("<f>").And.NotContain(":f>");
        }
    }

    [Fact]
    public void Writing_replaces_an_existing_file_and_leaves_no_temporary_file()
    {
        using var store = Fixture.Store();
        var path = store.File("report.xlsx");
        File.WriteAllText(path, "old");
        ExcelReport.Write(store.Load(), new ExcelReportOptions(2001, null, false, Book.Produced), path);
        using (var wb = new XLWorkbook(path)) wb.Worksheets.Should().HaveCount(11);
        Directory.GetFiles(store.Folder).Select(Path.GetFileName).Should().NotContain(f => f!.EndsWith(".tmp", StringComparison.Ordinal));
    }
}
