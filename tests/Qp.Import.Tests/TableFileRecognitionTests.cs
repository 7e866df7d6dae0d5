using Qp.Import.ChildLevel;
using Qp.Validate;

namespace Qp.Import.Tests;

/// <summary>CSV files and workbook sheets are recognised by their headers for the return's year, whatever their names.</summary>
public class TableFileRecognitionTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 30);
    private readonly string dir = Directory.CreateTempSubdirectory("qp-tables-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [PeerFact]
    public void Every_csv_of_the_peers_fake_return_is_its_own_table()
    {
        // The peer's fake 2017-18 CSV files, under their own names; the second placed-for-adoption file is left out (it is a variant).
        var source = Path.GetDirectoryName(PeerFactAttribute.FakeXml!)!;
        var folder = Directory.CreateDirectory(Path.Combine(dir, "805_2027")).FullName;
        foreach (var f in Directory.GetFiles(source, "*.csv").Where(f => !f.EndsWith("_errors.csv", StringComparison.Ordinal)))
            File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));

        var report = SubmissionReader.Validate(Submission.Find(folder).Single(), 2027, Today);

        report.Files.Select(f => $"{Path.GetFileName(f.Path)}={f.Table}").Order(StringComparer.Ordinal).Should().Equal(
            "DoLo.csv=DoLo", "ad1.csv=AD1", "episodes.csv=Episodes", "header.csv=Header", "missing.csv=Missing", "oc2.csv=OC2", "oc3.csv=OC3",
            "placed_for_adoption.csv=PlacedAdoption", "previous_permanence.csv=PrevPerm", "reviews.csv=Reviews", "sw_episodes.csv=SWEpisodes", "uasc.csv=UASC");
        report.Messages.Where(m => m.Code is "W003" or "W004" or "E002" or "E007" or "W014").Should().BeEmpty();
    }

    [Fact]
    public void Workbook_sheets_are_recognised_by_their_headers_for_the_year_and_an_unknown_sheet_is_named()
    {
        var path = Path.Combine(dir, "805_2024.xlsx");
        using (var book = new ClosedXML.Excel.XLWorkbook())
        {
            // Sheet names mislead on purpose: only the headers count.
            void Sheet(string name, params string[][] rows)
            {
                var ws = book.Worksheets.Add(name);
                for (int r = 0; r < rows.Length; r++)
                    for (int c = 0; c < rows[r].Length; c++) ws.Cell(r + 1, c + 1).Value = rows[r][c];
            }
            Sheet("OC1", ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"], ["C1", "01/05/2010", "SW1", "01/04/2023", "", ""]);
            Sheet("Header", ["Name", "Comment"], ["x", "y"]);
            Sheet("Sheet3", ["CHILD", "DOB", "DOLO_START", "DOLO_END"], ["C1", "01/05/2010", "01/06/2023", ""]);
            book.SaveAs(path);
        }
        var messages = new List<Qp.Domain.Validation.ValidationMessage>();
        var rows = new List<SourceRow>();
        var files = SubmissionReader.Read(Submission.Find(path).Single(), new RuleContext(2024, Today, messages.Add), rows.Add);

        files.Select(f => f.Table).Should().Equal("SWEpisodes", "DoLo");
        rows.Select(r => (r.Table.Name, r.Row.File, r.Child)).Should().Equal(("SWEpisodes", "805_2024.xlsx[OC1]", "C1"), ("DoLo", "805_2024.xlsx[Sheet3]", "C1"));
        messages.Select(m => m.ToString()).Should().Contain([
            "805_2024.xlsx[Header]:1:0: warning W004: the header row (2 columns) matches no SSDA903 table; the sheet is not read (its first row must name the columns, e.g. CHILD,DECOM,RNE,…)",
            "805_2024.xlsx[Sheet3]:1:0: warning W014: the DfE collects DoLo from 2026-27, not in 2023-24; its rows are stored but no rule of the year checks them",
        ]);
    }
}
