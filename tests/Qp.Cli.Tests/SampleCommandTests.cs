namespace Qp.Cli.Tests;

public class SampleCommandTests
{
    [Fact]
    public void Writes_one_folder_per_authority_and_year_and_the_aggregate_file()
    {
        using var tmp = new TempDir();
        var run = QpRunner.Run("sample", "--out", tmp.Path, "--years", "2000-2001", "--la", "805,202", "--seed", "5");
        run.ExitCode.Should().Be(0, run.Error);
        Directory.GetDirectories(tmp.Path).Select(Path.GetFileName).Should().BeEquivalentTo(["805_2000", "805_2001", "202_2000", "202_2001"]);
        Directory.GetFiles(Path.Combine(tmp.Path, "805_2001")).Select(Path.GetFileName)
            .Should().BeEquivalentTo(["Header.csv", "Episodes.csv", "OC1.csv", "OC2.csv", "CPR.csv"]);
        // 2 authorities × 3 aggregate years (1995–1997) below the header line.
        File.ReadAllLines(Path.Combine(tmp.Path, "aggregate_1995-1997.csv")).Should().HaveCount(1 + 2 * 3);
        run.Out.Should().Contain("Wrote 4 returns (2 authorities × 2 years, small scale, real shape, seed 5)");
    }

    [Fact]
    public void Shape_real_writes_only_the_episodes_open_in_the_year_and_the_DfE_tables_of_a_modern_year()
    {
        using var tmp = new TempDir();
        var run = QpRunner.Run("sample", "--out", tmp.Path, "--years", "2023", "--la", "805", "--shape", "real", "--aggregate-years", "none");
        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("real shape");
        string folder = Path.Combine(tmp.Path, "805_2023");
        Directory.GetFiles(folder).Select(Path.GetFileName).Should().BeEquivalentTo(
            ["Header.csv", "Episodes.csv", "Reviews.csv", "UASC.csv", "OC2.csv", "OC3.csv", "AD1.csv", "PlacedAdoption.csv", "PrevPerm.csv", "Missing.csv"]);
        // DEC is the 8th column: every episode is open on or after 1 April 2022.
        File.ReadLines(Path.Combine(folder, "Episodes.csv")).Skip(1).Select(l => l.Split(',')[7])
            .Should().OnlyContain(dec => dec == "" || DateOnly.ParseExact(dec, "dd/MM/yyyy") >= new DateOnly(2022, 4, 1));
    }

    [Theory]
    [InlineData("--years", "2004-1998", "runs backwards")]
    [InlineData("--years", "1998to2004", "is not a year or a range")]
    [InlineData("--years", "1950-1960", "outside the years")]
    [InlineData("--scale", "huge", "--scale 'huge' is not known")]
    [InlineData("--la", "999", "--la '999' is not an authority code")]
    [InlineData("--shape", "partial", "--shape 'partial' is not known")]
    public void Bad_options_are_usage_errors_that_write_nothing(string option, string value, string message)
    {
        using var tmp = new TempDir();
        string outDir = tmp.File("out");
        var run = QpRunner.Run("sample", "--out", outDir, option, value);
        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain(message);
        Directory.Exists(outDir).Should().BeFalse();
    }
}
