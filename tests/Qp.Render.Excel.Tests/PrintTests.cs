using System.Diagnostics;
using System.IO.Compression;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Qp.Domain.Validation;
using Qp.Import.Reference;
using Xunit.Abstractions;

namespace Qp.Render.Excel.Tests;

/// <summary>The workbook on paper: what prints, how many pages, rows tall enough for their wrapped text, one type per Data column.</summary>
public sealed class PrintTests(ITestOutputHelper output)
{
    // A4 landscape less the margins SheetLayout.PrintSetup sets (0.4" left and right, 0.5" top, 0.6" bottom), in points.
    private const double PrintableWidth = 842 - 2 * 0.4 * 72, PrintableHeight = 595 - (0.5 + 0.6) * 72;

    /// <summary>
    /// Pages one sheet prints: its print areas fitted one page wide (FitToPages(1, 0)), the repeated heading on every page.
    /// Column widths in characters become points as Excel does for Calibri 11 (7 px a character plus 5 px padding, at 0.75 pt a pixel).
    /// </summary>
    private static int Pages(IXLWorksheet ws)
    {
        int pages = 0;
        foreach (var area in ws.PageSetup.PrintAreas)
        {
            var (first, last) = (area.RangeAddress.FirstAddress, area.RangeAddress.LastAddress);
            double width = Enumerable.Range(first.ColumnNumber, last.ColumnNumber - first.ColumnNumber + 1).Sum(c => (ws.Column(c).Width * 7 + 5) * 0.75);
            double scale = Math.Min(1, PrintableWidth / width);
            if (ws.PageSetup.PagesTall == 1) { pages++; continue; }
            double height = Enumerable.Range(first.RowNumber, last.RowNumber - first.RowNumber + 1).Sum(r => ws.Row(r).Height) * scale;
            double titles = ws.PageSetup.FirstRowToRepeatAtTop > 0 ? ws.Row(ws.PageSetup.FirstRowToRepeatAtTop).Height * scale : 0;
            pages += (int)Math.Ceiling((height - titles) / (PrintableHeight - titles));
        }
        return pages;
    }

    private static string NationalWorkbook(TestStore store, int years)
    {
        var authorities = AuthoritiesFile.Read(Path.Combine(TestStore.RepoRoot(), "templates", "authorities.csv"));
        var (results, national, neighbours) = BenchmarkTests.Synthetic(authorities, TestStore.Catalogue.Select(d => d.Id).ToList(), 2006 - years, 2005);
        store.With(authorities, neighbours, results, national);
        // Many warnings, as a national store has: 40 for each authority.
        foreach (var a in authorities)
            store.WithWarnings(a.Code, 2005, Enumerable.Range(1, 40).Select(i =>
                new ValidationMessage("Episodes.csv", i + 1, 13, Severity.Warning, "W101", "PL_POST is blank for a placement")).ToArray());
        var path = store.File("national.xlsx");
        ExcelReport.Write(store.Load(), new ExcelReportOptions(2005, null, Publish: true, Book.Produced), path);
        return path;
    }

    [Fact]
    public void A_national_workbook_prints_in_under_60_pages_and_the_data_and_warnings_only_as_a_note()
    {
        using var store = new TestStore();
        using var wb = new XLWorkbook(NationalWorkbook(store, years: 10));
        // Every sheet has print areas, so the count below is the whole workbook (a sheet without one would print all it holds).
        wb.Worksheets.Should().OnlyContain(ws => ws.PageSetup.PrintAreas.Any());
        var pages = wb.Worksheets.ToDictionary(ws => ws.Name, Pages);
        output.WriteLine(string.Join(", ", pages.Select(p => $"{p.Key} {p.Value}")) + $"; total {pages.Values.Sum()}");

        // 268,450 Data rows (153 × 7 × 10 results × 25 figures — 22, plus how many values each comparator average used, as published —
        // + 70 England rows × 10) and 6,120 warnings print as one page of notes each.
        pages["Data"].Should().Be(1);
        pages["Validation"].Should().Be(1);
        var dataArea = wb.Worksheet("Data").PageSetup.PrintAreas.Single().RangeAddress;
        (dataArea.FirstAddress.ToString()!.Replace("$", ""), dataArea.LastAddress.ToString()!.Replace("$", "")).Should().Be(("J1", "J1"));
        wb.Worksheet("Data").Cell("J1").GetString().Should().Be("Not set up to print (268,450 rows): filter the rows you need and print the selection.");
        // The note fits its column, so the printed page shows it whole.
        wb.Worksheet("Data").Column(10).Width.Should().BeGreaterThan(wb.Worksheet("Data").Cell("J1").GetString().Length);
        // The summary and each indicator sheet print their whole table: 153 authorities and England below the notes.
        foreach (var name in new[] { "Summary", "A1", "HA" })
        {
            var area = wb.Worksheet(name).PageSetup.PrintAreas.Single().RangeAddress;
            area.FirstAddress.RowNumber.Should().Be(1);
            area.LastAddress.RowNumber.Should().BeGreaterThan(153, name);
            pages[name].Should().BeInRange(2, 6, name);
        }
        pages.Values.Sum().Should().BeLessThan(60);
    }

    [Fact]
    public void Wrapped_warnings_get_rows_tall_enough_for_their_lines()
    {
        var longMessage = string.Join(' ', Enumerable.Repeat("PL_POST is blank for a placement that began in the year.", 6));
        using var store = Fixture.Store().WithWarnings(806, 2001, new ValidationMessage("Episodes.csv", 9, 13, Severity.Warning, "W101", longMessage));
        using var wb = Book.Open(store);
        var ws = wb.Worksheet("Validation");
        var cell = ws.CellsUsed().Single(c => c.GetString() == longMessage);
        cell.Style.Alignment.WrapText.Should().BeTrue();
        // 341 characters in a column at most 90 wide (about 74 characters of text a line): at least five lines of 15 pt.
        ws.Column(9).Width.Should().BeLessThanOrEqualTo(90);
        ws.Row(cell.Address.RowNumber).Height.Should().BeGreaterThanOrEqualTo(5 * 15);
        var shortRow = ws.CellsUsed().Single(c => c.GetString() == Fixture.Warning.Message).Address.RowNumber;
        ws.Row(shortRow).Height.Should().BeLessThan(20);
    }

    [Fact]
    public void Every_data_column_holds_one_type()
    {
        using var store = Fixture.Store();
        using var wb = Book.Open(store, publish: true);
        var rows = wb.Worksheet("Data").RowsUsed().Skip(1).ToList();
        rows.Should().NotBeEmpty();
        foreach (var r in rows)
        {
            // Exactly one of value, label and suppressed is set.
            new[] { 6, 7, 8 }.Count(c => !r.Cell(c).IsEmpty()).Should().Be(1, $"row {r.RowNumber()}");
            if (!r.Cell(6).IsEmpty()) r.Cell(6).DataType.Should().Be(XLDataType.Number);
            if (!r.Cell(7).IsEmpty()) r.Cell(7).DataType.Should().Be(XLDataType.Text);
            if (!r.Cell(8).IsEmpty()) r.Cell(8).GetString().Should().Be("c");
        }
        // The published fixture withholds Middlesbrough's A1 (1 of 40): its value row has c in suppressed, and trend stays a label.
        rows.Should().Contain(r => r.Cell(2).GetString() == "Middlesbrough" && r.Cell(5).GetString() == "value" && r.Cell(8).GetString() == "c");
        rows.Should().Contain(r => r.Cell(5).GetString() == "trend" && r.Cell(7).GetString().Length > 0);
    }

    /// <summary>The page count measured by LibreOffice itself, on a national workbook of two years.</summary>
    [SofficeFact]
    public void LibreOffice_prints_the_national_workbook_in_under_60_pages()
    {
        using var store = new TestStore();
        var path = NationalWorkbook(store, years: 2);
        var outDir = store.File("pdf");
        var profile = store.File("lo-profile");
        var psi = new ProcessStartInfo("soffice", ["--headless", $"-env:UserInstallation=file://{profile}", "--convert-to", "pdf", "--outdir", outDir, path])
            { RedirectStandardOutput = true, RedirectStandardError = true };
        using (var p = Process.Start(psi)!)
        {
            p.WaitForExit(TimeSpan.FromMinutes(5)).Should().BeTrue("soffice converts a two-year workbook in well under five minutes");
        }
        var pdf = File.ReadAllText(Path.Combine(outDir, "national.pdf"), System.Text.Encoding.Latin1);
        int pages = Regex.Count(pdf, @"/Type\s*/Page(?![s\w])");
        output.WriteLine($"LibreOffice: {pages} pages; estimated from the print set-up: {new XLWorkbook(path).Worksheets.Sum(Pages)}");
        pages.Should().BeGreaterThan(10).And.BeLessThan(60);
    }
}

/// <summary>A fact that needs LibreOffice (soffice on the PATH); skipped, saying why, when it is absent.</summary>
public sealed class SofficeFactAttribute : FactAttribute
{
    public SofficeFactAttribute()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        if (!path.Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, "soffice"))))
            Skip = "LibreOffice (soffice) is not on the PATH; install libreoffice-calc-nogui to measure printed pages";
    }
}
