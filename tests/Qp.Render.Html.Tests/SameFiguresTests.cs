using ClosedXML.Excel;
using Qp.Render.Excel;
using Qp.Render.Pdf;
using Qp.Render.Pdf.Tests;

namespace Qp.Render.Html.Tests;

/// <summary>One edition, three renderers: every figure of the web pages' summary tables is the PDF pack's and the workbook's.</summary>
public sealed class SameFiguresTests(SmallEdition edition) : IClassFixture<SmallEdition>
{
    private static readonly int[] Authorities = [805, 806, 807, 808, 841];

    [Fact]
    public void Each_authoritys_summary_row_reads_in_its_PDF_pack_cell_for_cell_in_the_same_order()
    {
        foreach (var la in Authorities)
        {
            var html = File.ReadAllText(Path.Combine(edition.Folder, HtmlEdition.FileNameFor(edition.Data.Authorities[la])));
            using var pdf = new MemoryStream();
            PdfPacks.WriteAuthorityPack(edition.Data, la, new PackOptions(2001, Publish: true, SmallEdition.Produced), pdf);
            var summary = new RenderedPdf(pdf.ToArray()).PageText(2);
            foreach (var row in HtmlTables.Rows(html, "summary-table"))
            {
                // The PDF prints the indicator as "A1  Stability of placements" and may wrap it; its figures follow on the row in order.
                int at = summary.IndexOf(row[0].Split(' ')[0] + " ", StringComparison.Ordinal);
                at.Should().BeGreaterThanOrEqualTo(0, $"{la}: {row[0]} is on the PDF's summary page");
                at += row[0].Length;
                foreach (var cell in row.Skip(1).Where(c => c != Figures.Missing))
                {
                    int next = summary.IndexOf(cell, at, StringComparison.Ordinal);
                    next.Should().BeGreaterThanOrEqualTo(0, $"{la}: {row[0]}'s '{cell}' follows on the PDF's summary page: {summary[(at - row[0].Length)..]}");
                    at = next + cell.Length;
                }
            }
        }
    }

    [Fact]
    public void Every_value_and_England_figure_is_the_workbooks()
    {
        var path = Path.Combine(edition.Root, "book.xlsx");
        ExcelReport.Write(edition.Data, new ExcelReportOptions(2001, null, Publish: true, SmallEdition.Produced.DateTime), path);
        using var book = new XLWorkbook(path);
        var sheet = book.Worksheet("Summary");
        var header = sheet.Column(1).CellsUsed().First(c => c.GetString() == "Code").Address.RowNumber;
        int compared = 0;
        foreach (var la in Authorities)
        {
            var html = File.ReadAllText(Path.Combine(edition.Folder, HtmlEdition.FileNameFor(edition.Data.Authorities[la])));
            var row = sheet.Column(2).CellsUsed().First(c => c.GetString() == edition.Data.Authorities[la].Name).Address.RowNumber;
            // The published edition's England row is labelled with its basis, as on the pages.
            var englandRow = sheet.Column(2).CellsUsed().First(c => c.GetString() == "England (rounded counts)").Address.RowNumber;
            foreach (var cells in HtmlTables.Rows(html, "summary-table"))
            {
                var id = cells[0].Split(' ')[0];
                var col = sheet.Row(header).CellsUsed().First(c => c.GetString() == $"{id} (%)").Address.ColumnNumber;
                Shown(sheet.Cell(row, col)).Should().Be(cells[1], $"{la} {id} value");
                Shown(sheet.Cell(englandRow, col)).Should().Be(cells[2], $"England {id}");
                compared += 2;
            }
        }
        compared.Should().Be(5 * 7 * 2);
    }

    [Fact]
    public void The_suppressed_figures_agree_too_B7_for_Hartlepool_is_c_in_all_three()
    {
        var html = HtmlTables.Rows(File.ReadAllText(edition.Hartlepool), "summary-table");
        html[3][0].Should().StartWith("B7");
        html[3][1].Should().Be("c");
        var path = Path.Combine(edition.Root, "book-b7.xlsx");
        ExcelReport.Write(edition.Data, new ExcelReportOptions(2001, 805, Publish: true, SmallEdition.Produced.DateTime), path);
        using var book = new XLWorkbook(path);
        var sheet = book.Worksheet("Summary");
        var header = sheet.Column(1).CellsUsed().First(c => c.GetString() == "Code").Address.RowNumber;
        var col = sheet.Row(header).CellsUsed().First(c => c.GetString() == "B7 (%)").Address.ColumnNumber;
        var row = sheet.Column(2).CellsUsed().First(c => c.GetString() == "Hartlepool").Address.RowNumber;
        sheet.Cell(row, col).GetString().Should().Be("c");
    }

    // A workbook cell as the pages print it: its number as a percentage to one decimal, 'c', or the dash for nothing stored.
    private static string Shown(IXLCell c) => c.IsEmpty() ? Figures.Missing : c.DataType == XLDataType.Number ? Figures.Percent(c.GetDouble()) : c.GetString();
}
