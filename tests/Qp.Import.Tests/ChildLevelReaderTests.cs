using ClosedXML.Excel;
using Qp.Domain.Validation;
using Qp.Import.ChildLevel;

namespace Qp.Import.Tests;

public class ChildLevelReaderTests : IDisposable
{
    private static readonly DateOnly Today = new(2025, 6, 1);
    private readonly string dir = Directory.CreateTempSubdirectory("qp-import-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static void Sheet(XLWorkbook book, string name, params object[][] rows)
    {
        var ws = book.Worksheets.Add(name);
        for (int r = 0; r < rows.Length; r++)
            for (int c = 0; c < rows[r].Length; c++)
                switch (rows[r][c])
                {
                    case DateTime d: ws.Cell(r + 1, c + 1).Value = d; break;
                    case int i: ws.Cell(r + 1, c + 1).Value = i; break;
                    case string s: ws.Cell(r + 1, c + 1).Value = s; break;
                }
    }

    private string Workbook(string decom)
    {
        var path = Path.Combine(dir, "805_2001.xlsx");
        using var book = new XLWorkbook();
        // Sheet names are irrelevant: tables are recognised by their headers. SEX is a number cell, DOB a date cell.
        Sheet(book, "Children", ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"], ["1001", 1, new DateTime(1990, 5, 1), "WBRI", "", 0, ""]);
        Sheet(book, "Eps",
            ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"],
            ["1001", "10/01/1999", "S", "C2", "N1", "U4", "PR1", "01/06/2000", "X1", "", "TS24 8", "TS25 1", ""],
            ["1001", decom, "P", "C2", "N1", "U5", "PR1", "", "", "", "TS24 8", "TS26 9", ""]);
        book.SaveAs(path);
        return path;
    }

    [Fact]
    public void A_workbook_with_one_sheet_per_table_reads_numbers_and_dates_as_text_and_validates_cleanly()
    {
        var sub = Submission.Find(Workbook("01/06/2000")).Single();
        sub.Should().Be(new Submission(sub.Path, SubmissionFormat.Workbook, 805, 2001));

        var report = SubmissionReader.Validate(sub, 2001, Today);

        report.Messages.Should().BeEmpty();
        report.Files.Select(f => (f.Table, f.Rows)).Should().Equal(("Header", 1), ("Episodes", 2));
    }

    [Fact]
    public void A_workbook_error_is_located_by_sheet_row_and_column()
    {
        var report = SubmissionReader.Validate(Submission.Find(Workbook("31/02/2001")).Single(), 2001, Today);
        report.Messages.Select(m => m.ToString()).Should().Contain("805_2001.xlsx[Eps]:3:2: error E204: DECOM 31/02/2001 is not a valid date (dd/mm/yyyy)");
    }

    [Fact]
    public void An_unreadable_workbook_is_reported_not_thrown()
    {
        var path = Path.Combine(dir, "805_2001.xlsx");
        File.WriteAllText(path, "this is not a zip file");
        var report = SubmissionReader.Validate(Submission.Find(path).Single(), 2001, Today);
        report.Messages.Select(m => m.Code).Should().Contain("E009");
        report.Accepted.Should().BeFalse();
    }

    [Fact]
    public void An_xml_error_is_located_at_the_field_element_and_unknown_fields_warn_once()
    {
        var path = Path.Combine(dir, "805_2001.xml");
        File.WriteAllLines(path,
        [
            "<EXPSSDA903>",                                                                   // line 1
            "  <CHILD>",                                                                      // line 2
            "    <HEADER><CHILDID>1001</CHILDID><SEX>1</SEX><DOB>01/05/1990</DOB><ETHNIC>WBRI</ETHNIC><FAVOURITE>x</FAVOURITE></HEADER>",
            "    <EPISODE>",                                                                  // line 4
            "      <DECOM>31/02/2001</DECOM><RNE>S</RNE><LS>C2</LS><PL>U4</PL>",              // line 5: DECOM starts at column 8
            "    </EPISODE>",
            "  </CHILD>",
            "  <CHILD><HEADER><CHILDID>1002</CHILDID><SEX>2</SEX><DOB>01/05/1990</DOB><ETHNIC>WBRI</ETHNIC><FAVOURITE>y</FAVOURITE></HEADER>",
            "    <EPISODE><DECOM>01/06/2000</DECOM><RNE>S</RNE><LS>C2</LS><PL>U4</PL></EPISODE></CHILD>",
            "</EXPSSDA903>",
        ]);

        var report = SubmissionReader.Validate(Submission.Find(path).Single(), 2001, Today);

        report.Messages.Select(m => m.ToString()).Should().Contain("805_2001.xml:5:8: error E204: DECOM 31/02/2001 is not a valid date (dd/mm/yyyy)");
        report.Messages.Where(m => m.Code == "W003").Should().ContainSingle().Which.Line.Should().Be(3);
        report.Files.Select(f => (f.Table, f.Rows)).Should().BeEquivalentTo([("Header", 2), ("Episodes", 2)]);
    }

    [Fact]
    public void A_folder_of_returns_is_found_by_NNN_YYYY_names_and_a_folder_without_returns_is_refused()
    {
        Directory.CreateDirectory(Path.Combine(dir, "805_2001"));
        File.WriteAllText(Path.Combine(dir, "805_2001", "Header.csv"), "CHILD\n");
        File.WriteAllText(Path.Combine(dir, "806_2002.xml"), "<EXPSSDA903/>");
        File.WriteAllText(Path.Combine(dir, "notes.xml"), "<x/>");

        var found = Submission.Find(dir);

        found.Select(s => (s.LaCode, s.Year, s.Format)).Should().Equal((805, 2001, SubmissionFormat.CsvFolder), (806, 2002, SubmissionFormat.Xml));
        var empty = Directory.CreateDirectory(Path.Combine(dir, "empty")).FullName;
        FluentActions.Invoking(() => Submission.Find(empty)).Should().Throw<InvalidDataException>().WithMessage("*no child-level return here*");
    }

    [Fact]
    public void Semicolon_files_are_named_as_such()
    {
        var sub = Directory.CreateDirectory(Path.Combine(dir, "805_2001")).FullName;
        File.WriteAllText(Path.Combine(sub, "Header.csv"), "CHILD;SEX;DOB;ETHNIC;UPN;MOTHER;MC_DOB\n1001;1;01/05/1990;WBRI;;0;\n");
        var report = SubmissionReader.Validate(Submission.Find(sub).Single(), 2001, Today);
        report.Messages.Should().Contain(m => m.Code == "E006" && m.Severity == Severity.Error && m.Message.Contains("';' (semicolon)"));
    }
}
