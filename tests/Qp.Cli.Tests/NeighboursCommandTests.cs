using Qp.Cli.Tests.Reliability;

namespace Qp.Cli.Tests;

public class NeighboursCommandTests
{
    [Fact]
    public void Derived_neighbours_are_stored_and_a_bad_file_changes_nothing()
    {
        using var tmp = new TempDir();
        var db = tmp.File("qp.db");
        // The five-authority example of NeighbourModelTests, on real codes: 805 (−1,−1) is nearest 841 at the centre.
        File.WriteAllText(tmp.File("context.csv"),
            "la_code,la_name,deprivation,population\n805,Hartlepool,0,1000\n806,Middlesbrough,2,1000\n807,Redcar,0,1010\n808,Stockton,2,1010\n841,Darlington,1,1005\n");
        var run = QpRunner.Run("neighbours", "derive", "--db", db, "--count", "4", tmp.File("context.csv"));
        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("neighbours derived for 5 authorities from 2 variables (20 pairs)");
        StoreFiles.Scalar<string>(db, "SELECT group_concat(neighbour_code) FROM (SELECT neighbour_code FROM statistical_neighbours WHERE la_code = 805 ORDER BY rank)")
            .Should().Be("841,806,807,808");

        var before = StoreFiles.Hash(db);
        File.WriteAllText(tmp.File("bad.csv"), "la_code,deprivation\n805,0\n806,high\n");
        run = QpRunner.Run("neighbours", "derive", "--db", db, tmp.File("bad.csv"));
        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain("bad.csv:3:2: error CV05: deprivation 'high' is not a number");
        StoreFiles.Hash(db).Should().Be(before);
    }
}
