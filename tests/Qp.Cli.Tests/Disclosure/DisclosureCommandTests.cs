using System.Text.Json;
using Qp.Domain.Results;
using Qp.Store;

namespace Qp.Cli.Tests.Disclosure;

public sealed class DisclosureCommandTests : IDisposable
{
    private readonly TempDir dir = new();
    private string Db => dir.File("qp.db");

    public DisclosureCommandTests()
    {
        // North East only: Hartlepool 1 of 20 (hidden), Middlesbrough 10 of 20, Redcar 12 of 30; England 23 of 70.
        using var conn = QpDatabase.Open(Db);
        Templates.EnsureAuthorities(conn);
        static IndicatorResult R(int la, int num, int den) => new()
        {
            Indicator = "A1", LaCode = la, Year = 2001, Source = ResultSource.Aggregate, Numerator = num, Denominator = den, Value = 100.0 * num / den,
        };
        ResultsStore.ReplaceAll(conn, [R(805, 1, 20), R(806, 10, 20), R(807, 12, 30)],
            [new NationalResult { Indicator = "A1", Year = 2001, Numerator = 23, Denominator = 70, Value = 100.0 * 23 / 70 }]);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        dir.Dispose();
    }

    [Fact]
    public void Lists_primary_and_secondary_suppressions_with_reasons()
    {
        var run = QpRunner.Run("disclosure", "--db", Db, "--year", "2001", "--format", "csv");
        run.ExitCode.Should().Be(0, run.Error);
        // 23 rounds to 20 and 22 is shown: Hartlepool's hidden 1 would be at most 20 + 4 − 22 = 2, so both the England and the
        // North East totals (the same three authorities) are withheld.
        run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "indicator,year,kind,reason,cells",
            "A1,2001,primary,numerator_1_to_5,1",
            "A1,2001,secondary,region_total,1",
            "A1,2001,secondary,england_total,1");
        var text = QpRunner.Run("disclosure", "--db", Db, "--year", "2001");
        text.Out.Should().Contain("1 cells withheld by the primary rules, 2 by secondary suppression");
    }

    [Fact]
    public void Published_ees_and_its_manifest_follow_the_same_decision()
    {
        var output = dir.File("ees.csv");
        QpRunner.Run("export", "--db", Db, "--year", "2001", "--format", "ees", "--publish", "--out", output).ExitCode.Should().Be(0);
        var lines = File.ReadAllLines(output);
        lines.Single(l => l.Contains(",National,", StringComparison.Ordinal)).Should().EndWith(",A1,c,70,c");
        lines.Single(l => l.Contains(",Regional,", StringComparison.Ordinal)).Should().EndWith(",A1,c,70,c");
        using var manifest = JsonDocument.Parse(File.ReadAllText(output + ".manifest.json"));
        manifest.RootElement.GetProperty("disclosure_control").GetProperty("suppressed").EnumerateArray()
            .Select(e => $"{e.GetProperty("kind").GetString()} {e.GetProperty("reason").GetString()} {e.GetProperty("cells").GetInt32()}")
            .Should().Equal("primary numerator_1_to_5 1", "secondary region_total 1", "secondary england_total 1");
    }
}
