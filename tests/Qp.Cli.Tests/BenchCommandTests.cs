using System.Text.RegularExpressions;

namespace Qp.Cli.Tests;

public class BenchCommandTests
{
    [Fact]
    public void The_DfE_rules_benchmark_validates_every_authority_with_last_year_and_the_reference_data_stored()
    {
        using var tmp = new TempDir();
        var run = QpRunner.Run("bench", "--out", tmp.Path, "--years", "none", "--scale", "small", "--dfe-year", "2024");
        run.ExitCode.Should().Be(0, run.Error + run.Out);
        var report = File.ReadAllText(tmp.File("bench.md"));

        // The rows counted are the data rows of this year's files (last year's and the reference files were moved aside).
        var thisYear = Path.Combine(tmp.Path, "dfe-2024");
        Directory.GetDirectories(thisYear).Select(Path.GetFileName).Should().HaveCount(153).And.OnlyContain(d => d!.EndsWith("_2024"));
        Directory.GetDirectories(Path.Combine(tmp.Path, "dfe-2024-last-year")).Select(Path.GetFileName).Should().HaveCount(153).And.OnlyContain(d => d!.EndsWith("_2023"));
        long rows = Directory.GetFiles(thisYear, "*.csv", SearchOption.AllDirectories).Sum(f => File.ReadLines(f).Skip(1).LongCount(l => l.Length > 0));
        report.Should().Contain($"## DfE rules: 2023-24, every authority, {rows:N0} rows");
        report.Should().Contain("| import last year (2022-23) |").And.Contain("| import reference data (SYNTHETIC) |");
        Regex.IsMatch(report, $@"\| validate: with last year and the reference data \| {Regex.Escape(rows.ToString("N0"))} \| \d+\.\d\d \|").Should().BeTrue(report);
        report.Should().NotContain("year(s):", "--years none leaves out the QP-era sizes");
        report.Should().Contain("| every DfE rule on every authority's return, with last year and the reference data, under 5 s |");
    }

    [Theory]
    [InlineData("2023")]
    [InlineData("1999")]
    public void A_DfE_year_without_a_DfE_year_before_it_is_a_usage_error(string year)
    {
        using var tmp = new TempDir();
        var run = QpRunner.Run("bench", "--out", tmp.Path, "--years", "1", "--dfe-year", year);
        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain($"--dfe-year: {year} is not a collection year from 2024");
    }
}
