using static Qp.Cli.Tests.ChildLevelReturns;

namespace Qp.Cli.Tests;

/// <summary>qp validate's findings reports and its agreement with import; qp rules' year option.</summary>
public class ValidateFindingsTests
{
    [Fact]
    public void Csv_gives_one_row_per_finding_with_child_and_field_and_no_formula()
    {
        using var t = new TempDir();
        // 1001's first DECOM is impossible (E204); 1002's Header row is renamed to a formula, so it has no episode (W602).
        var ret = Write(t.Path, "805_2001", ("Episodes.csv", Episodes.Replace("1001,10/01/1999", "1001,31/02/1999")),
            ("Header.csv", Header.Replace("1002,2,", "=2+3,2,")));

        var run = QpRunner.Run("validate", "--format", "csv", ret);

        run.ExitCode.Should().Be(1);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("file,row,child,field,severity,dfe code,qp code,message");
        lines.Should().Contain("Episodes.csv,2,1001,DECOM,error,,E204,DECOM 31/02/1999 is not a valid date (dd/mm/yyyy)");
        lines.Should().Contain(l => l.StartsWith("Header.csv,3,'=2+3,,warning,,W602,", StringComparison.Ordinal));
        lines.Should().NotContain(l => l.Contains(",=2+3", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_refuses_a_return_whose_authority_it_cannot_tell_as_import_does()
    {
        using var t = new TempDir();
        var ret = Write(t.Path, "return-without-name");

        var validate = QpRunner.Run("validate", "--year", "2001", ret);
        var import = QpRunner.Run("import", "--db", t.File("qp.db"), "--year", "2001", ret);

        validate.ExitCode.Should().Be(2);
        import.ExitCode.Should().Be(2);
        validate.Error.Should().Contain("cannot tell the authority").And.Be(import.Error);
    }

    [Fact]
    public void Rules_takes_the_year_as_2025_26_or_2026()
    {
        var dashed = QpRunner.Run("rules", "--year", "2025-26");
        dashed.ExitCode.Should().Be(0, dashed.Error);
        dashed.Out.Should().Be(QpRunner.Run("rules", "--year", "2026").Out).And.Contain("rules in force in 2025-26");
    }
}
