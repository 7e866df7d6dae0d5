namespace Qp.Cli.Tests;

public class IndicatorsCommandTests
{
    [Fact]
    public void Text_lists_the_seven_indicators_in_catalogue_order_with_targets_and_tables()
    {
        var run = QpRunner.Run("indicators");

        run.ExitCode.Should().Be(0, run.Error);
        var ids = run.Out.Split('\n').Where(l => l.Length > 0 && l[0] != ' ' && !l.EndsWith("indicators.")).Select(l => l.Split(' ')[0]);
        ids.Should().Equal("A1", "A2", "A3", "B7", "C23", "D78", "HA");
        run.Out.Should().Contain("Stability of placements (PAF A1)")
            .And.Contain("No more than 16% in any authority by 2001 (from 2000-01)")
            .And.Contain("Source tables: CPR")
            .And.Contain("7 indicators.");
    }

    [Fact]
    public void Csv_has_a_header_and_one_row_per_indicator()
    {
        var run = QpRunner.Run("indicators", "--format", "csv");

        run.ExitCode.Should().Be(0, run.Error);
        var lines = run.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("id,title,polarity,unit,targets,source_tables,numerator,denominator");
        lines.Should().HaveCount(8);
        // A2 has two targets, joined with "; ".
        lines[2].Should().StartWith("A2,").And.Contain("At least 50% by 2001 (from 2000-01); At least 75% by 2003 (from 2002-03)");
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        var run = QpRunner.Run("indicators", "--format", "xml");
        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("xml");
    }
}
