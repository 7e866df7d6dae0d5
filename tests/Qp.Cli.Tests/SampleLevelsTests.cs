using System.Globalization;
using Qp.Cli.Tests.Reliability;

namespace Qp.Cli.Tests;

/// <summary>The generated sample, counted by the official calculators through import and compute, has the QP era's national levels.</summary>
public class SampleLevelsTests
{
    [Fact]
    public void Generated_returns_have_the_national_levels_of_the_QP_era()
    {
        using var tmp = new TempDir();
        var db = tmp.File("levels.db");
        QpRunner.Run("sample", "--out", tmp.File("gen"), "--years", "1998-2004", "--aggregate-years", "none").ExitCode.Should().Be(0);
        var import = QpRunner.Run("import", "--db", db, tmp.File("gen"));
        import.ExitCode.Should().Be(0, "every generated return is valid: " + import.Error);
        QpRunner.Run("compute", "--db", db).ExitCode.Should().Be(0);

        double England(string indicator, int year) =>
            StoreFiles.Scalar<double>(db, $"SELECT value FROM national_results WHERE indicator = '{indicator}' AND year = {year}");
        // The brief's levels: 3+ placements ≈20% in 1998 falling to ≈16% by 2002; care leavers with a GCSE/GNVQ ≈30% in 2000
        // rising to ≈45% (2004); re-registrations ≈20% falling to ≈14%.
        England("A1", 1998).Should().BeInRange(18, 23);
        England("A1", 2002).Should().BeInRange(14.5, 17.5);
        England("A2", 2001).Should().BeInRange(25, 36);
        England("A2", 2004).Should().BeInRange(40, 50);
        England("A3", 1998).Should().BeInRange(18, 23);
        England("A3", 2004).Should().BeInRange(12, 16);
        England("B7", 2004).Should().BeInRange(64, 74);

        // Authorities spread from about 5% to 36% on A1 (those with at least 30 children, so that one child is not 3 points).
        var spread = StoreFiles.Scalar<string>(db,
            "SELECT printf('%.1f|%.1f', min(value), max(value)) FROM results WHERE indicator = 'A1' AND year = 1998 AND denominator >= 30").Split('|')
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        spread[0].Should().BeLessThan(9);
        spread[1].Should().BeGreaterThan(30);
    }
}
