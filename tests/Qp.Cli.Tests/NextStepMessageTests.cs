using Qp.Tests.Shared;

namespace Qp.Cli.Tests;

/// <summary>Every "run X first" names the step actually missing, so report and compute never send a user round in a loop.</summary>
public sealed class NextStepMessageTests
{
    private static string Return(string name) => Path.Combine(RealData.RepoRoot, "sample-data", name);

    [Fact]
    public void A_year_with_no_returns_sends_the_user_to_import_from_report_export_and_compute_alike()
    {
        using var t = new TempDir();
        var db = t.File("qp.db");
        QpRunner.Run("import", "--db", db, Return("805_2001")).ExitCode.Should().Be(0);
        QpRunner.Run("compute", "--db", db).ExitCode.Should().Be(0);

        // 2001-02 was never imported: every command says import, none says compute.
        var excel = QpRunner.Run("report", "excel", "--db", db, "--year", "2002", "--out", t.File("x.xlsx"));
        var pdf = QpRunner.Run("report", "pdf", "--db", db, "--year", "2002", "--national", "--out", t.File("x.pdf"));
        var export = QpRunner.Run("export", "--db", db, "--year", "2002", "--out", t.File("x.csv"));
        var compute = QpRunner.Run("compute", "--db", db, "--year", "2002");
        foreach (var run in new[] { excel, pdf, export })
        {
            run.ExitCode.Should().Be(2, run.Error);
            run.Error.Should().Be($"qp: the store {db} holds no returns or figures for 2001-02 (2002): import them first (qp import RETURNS), then run qp compute --year 2002; years with results: 2001\n");
        }
        compute.ExitCode.Should().Be(2);
        compute.Error.Should().Contain("run qp import RETURNS first").And.NotContain("qp compute");
        File.Exists(t.File("x.xlsx")).Should().BeFalse();
        File.Exists(t.File("x.csv")).Should().BeFalse();
    }

    [Fact]
    public void A_year_imported_but_not_computed_sends_the_user_to_compute()
    {
        using var t = new TempDir();
        var db = t.File("qp.db");
        QpRunner.Run("import", "--db", db, Return("805_2001")).ExitCode.Should().Be(0);
        QpRunner.Run("compute", "--db", db).ExitCode.Should().Be(0);
        QpRunner.Run("import", "--db", db, Return("805_2000")).ExitCode.Should().Be(0);

        // The 2000 return is stored but compute ran before it: the next step is compute for that year, which then works.
        var excel = QpRunner.Run("report", "excel", "--db", db, "--year", "2000", "--out", t.File("x.xlsx"));
        excel.ExitCode.Should().Be(2);
        excel.Error.Should().Be($"qp: the store {db} holds returns or figures for 1999-00 (2000) but no results: run qp compute --year 2000 first\n");
        QpRunner.Run("compute", "--db", db, "--year", "2000").ExitCode.Should().Be(0);
        QpRunner.Run("report", "excel", "--db", db, "--year", "2000", "--out", t.File("x.xlsx")).ExitCode.Should().Be(0);
    }

    [Fact]
    public void The_db_help_says_what_each_command_needs_of_the_store()
    {
        var help = QpRunner.Run("compute", "--help").Out;
        help.Should().Contain("qp import creates it; compute, reports and export need it to exist");
        help.Should().NotContain("created and migrated on first use by import and compute");
    }
}
