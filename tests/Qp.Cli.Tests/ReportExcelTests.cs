using ClosedXML.Excel;
using Qp.Domain.Results;
using Qp.Store;

namespace Qp.Cli.Tests;

public class ReportExcelTests
{
    /// <summary>A store with the shipped authorities and two A1 results for 2001: Hartlepool 12 of 100, Middlesbrough 3 of 50.</summary>
    private static string Store(TempDir dir)
    {
        var db = dir.File("qp.db");
        using var conn = QpDatabase.Open(db);
        Templates.EnsureAuthorities(conn);
        ResultsStore.ReplaceAll(conn,
        [
            new IndicatorResult { Indicator = "A1", LaCode = 805, Year = 2001, Source = ResultSource.ChildLevel, Numerator = 12, Denominator = 100, Value = 12.0, TargetStatus = TargetStatus.Met },
            new IndicatorResult { Indicator = "A1", LaCode = 806, Year = 2001, Source = ResultSource.ChildLevel, Numerator = 3, Denominator = 50, Value = 6.0, TargetStatus = TargetStatus.Met },
        ],
        [new NationalResult { Indicator = "A1", Year = 2001, Numerator = 15, Denominator = 150, Value = 10.0, Authorities = 2 }]);
        return db;
    }

    [Fact]
    public void Writes_the_workbook_with_the_focus_authority_first()
    {
        using var dir = new TempDir();
        var db = Store(dir);
        var output = dir.File("report.xlsx");
        var run = QpRunner.Run("report", "excel", "--db", db, "--year", "2001", "--out", output, "--la", "806");
        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("Middlesbrough first");
        using var wb = new XLWorkbook(output);
        var ws = wb.Worksheet("A1");
        var header = ws.Column(1).CellsUsed().First(c => c.GetString() == "Code").Address.RowNumber;
        // England, then Middlesbrough (the focus) with 3 of 50 = 6.0%.
        ws.Cell(header + 1, 2).GetString().Should().Be("England (exact counts)");
        ws.Cell(header + 2, 2).GetString().Should().Be("Middlesbrough");
        ws.Cell(header + 2, 5).GetDouble().Should().Be(3);
    }

    [Fact]
    public void Publish_shows_small_numerators_as_c()
    {
        using var dir = new TempDir();
        var db = Store(dir);
        var output = dir.File("published.xlsx");
        QpRunner.Run("report", "excel", "--db", db, "--year", "2001", "--out", output, "--publish").ExitCode.Should().Be(0);
        using var wb = new XLWorkbook(output);
        var ws = wb.Worksheet("A1");
        var row = ws.Column(2).CellsUsed().First(c => c.GetString() == "Middlesbrough").Address.RowNumber;
        // Middlesbrough's numerator 3 is 1–5: it and its percentage are 'c'; the national count 15 rounds to 20.
        ws.Row(row).CellsUsed().Count(c => c.GetString() == "c").Should().BeGreaterThanOrEqualTo(2);
        var england = ws.Column(2).CellsUsed().First(c => c.GetString() == "England (rounded counts)").Address.RowNumber;
        ws.Cell(england, 4).GetDouble().Should().Be(20);
    }

    [Fact]
    public void Refuses_to_overwrite_the_database()
    {
        using var dir = new TempDir();
        var db = Store(dir);
        var before = File.ReadAllBytes(db);
        var run = QpRunner.Run("report", "excel", "--db", db, "--year", "2001", "--out", db);
        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain(".xlsx");
        var renamed = dir.File("store.xlsx");
        File.Copy(db, renamed);
        run = QpRunner.Run("report", "excel", "--db", renamed, "--year", "2001", "--out", renamed);
        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("would overwrite the input");
        File.ReadAllBytes(db).Should().Equal(before);
    }

    [Theory]
    [InlineData("1999", "holds no returns or figures for 1998-99 (1999): import them first")]
    [InlineData("2001", "--la 999")]
    public void Usage_errors_say_what_is_wrong(string year, string message)
    {
        using var dir = new TempDir();
        var db = Store(dir);
        var run = QpRunner.Run("report", "excel", "--db", db, "--year", year, "--out", dir.File("x.xlsx"), "--la", year == "2001" ? "999" : "805");
        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain(message);
        File.Exists(dir.File("x.xlsx")).Should().BeFalse();
    }

    [Fact]
    public void Help_describes_the_options()
    {
        var run = QpRunner.Run("report", "excel", "--help");
        run.ExitCode.Should().Be(0);
        run.Out.Should().Contain("--year").And.Contain("--out").And.Contain("--publish").And.Contain("--la");
    }
}
