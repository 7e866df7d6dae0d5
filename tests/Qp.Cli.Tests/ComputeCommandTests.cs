using Dapper;
using Qp.Pipeline.Reference;
using Qp.Store;

namespace Qp.Cli.Tests;

public sealed class ComputeCommandTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private string Db => _tmp.File("qp.db");

    private ReferenceOutcome? Import(string name, string text)
    {
        var path = _tmp.File(name);
        File.WriteAllText(path, text.Replace("\r\n", "\n"));
        using var conn = QpDatabase.Open(Db);
        Templates.EnsureAuthorities(conn);
        return ReferenceImporter.TryImport(conn, path, () => Templates.IndicatorsFolder);
    }

    // A1 (lower is better) for 1995–1997:
    //   1995: 10, 20, 30, 40%  → Q1 (type 7, h = 0.75) = 10 + 0.75 × 10 = 17.5
    //   1996: 12, 16, 20, 24%  → Q1 = 12 + 0.75 × 4 = 15
    //   1997: 13, 17, 21%      → Q1 (h = 0.5) = 13 + 0.5 × 4 = 15
    //   average (17.5 + 15 + 15) / 3 = 15.83 → 15.8%
    private const string Aggregate = """
        la_code,year,indicator,numerator,denominator
        805,1995,A1,10,100
        806,1995,A1,20,100
        807,1995,A1,30,100
        202,1995,A1,40,100
        805,1996,A1,12,100
        806,1996,A1,16,100
        807,1996,A1,20,100
        202,1996,A1,24,100
        805,1997,A1,13,100
        806,1997,A1,17,100
        807,1997,A1,21,100
        """;

    [Fact]
    public void Aggregate_import_compute_and_target_derivation()
    {
        Import("qp_aggregate.csv", Aggregate)!.Accepted.Should().BeTrue();
        var compute = QpRunner.Run("compute", "--db", Db);
        compute.ExitCode.Should().Be(0, compute.Error);
        // 1995: England = (10 + 20 + 30 + 40) / 400 = 25%.
        compute.Out.Should().Contain("A1   1994-95: England 25.0% (100 / 400, 4 authorities); quartiles 17.5 / 25.0 / 32.5");
        compute.Out.Should().Contain("compute: 11 results for 3 indicator-years");
        var derive = QpRunner.Run("targets", "derive", "--indicator", "A1", "--from", "1995", "--to", "1997", "--db", Db);
        derive.ExitCode.Should().Be(0, derive.Error);
        derive.Out.Should().Contain("A1 top-quartile point 1995–1997: 17.5, 15.0, 15.0 → 15.8%");
    }

    [Fact]
    public void A_bad_aggregate_file_is_rejected_and_the_store_is_unchanged()
    {
        var outcome = Import("bad.csv", "la_code,year,indicator,numerator,denominator\n805,1995,A1,10,100\n806,1995,A1,120,100\n")!;
        outcome.Accepted.Should().BeFalse();
        outcome.Errors.Select(e => e.ToString()).Should().Equal("bad.csv:3:4: error AGG06: numerator 120 is greater than denominator 100");
        using var conn = QpDatabase.Open(Db);
        conn.ExecuteScalar<int>("SELECT count(*) FROM aggregate_figures").Should().Be(0);
        conn.ExecuteScalar<int>("SELECT count(*) FROM imports").Should().Be(0);
    }

    [Fact]
    public void Files_that_are_not_reference_files_are_left_to_the_child_level_import()
    {
        Import("Episodes.csv", "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n").Should().BeNull();
    }

    [Fact]
    public void Derivation_without_results_and_bad_options_fail_clearly()
    {
        QpRunner.Run("targets", "derive", "--indicator", "A1", "--from", "1995", "--to", "1997", "--db", Db).Should()
            .Match<QpRun>(r => r.ExitCode == ExitCode.Usage && r.Error.Contains("run qp import and qp compute first"), "nothing to derive from is a usage error that says what to run first");
        QpRunner.Run("targets", "derive", "--indicator", "Z9", "--from", "1995", "--to", "1997", "--db", Db).ExitCode.Should().Be(ExitCode.Usage);
        QpRunner.Run("targets", "derive", "--indicator", "A1", "--from", "1998", "--to", "1997", "--db", Db).ExitCode.Should().Be(ExitCode.Usage);
        QpRunner.Run("compute", "--year", "nineteen", "--db", Db).ExitCode.Should().Be(ExitCode.Usage);
    }

    [Fact]
    public void A_malformed_reference_file_is_rejected_not_a_crash()
    {
        var outcome = Import("broken.csv", "la_code,year,indicator,numerator,denominator\n805,1995,\"A1,10,100\n")!;
        outcome.Accepted.Should().BeFalse();
        outcome.Paths.Should().Equal(_tmp.File("broken.csv"));
        // The unclosed quote runs to the end of the file: the row's indicator is "A1,10,100" and its numbers are blank.
        outcome.Errors.Select(e => e.ToString()).Should().Equal(
            "broken.csv:2:3: error AGG05: indicator 'A1,10,100' is not in the catalogue (A1, A2, A3, B7, C23, D78, HA)",
            "broken.csv:2:4: error AGG02: numerator is blank",
            "broken.csv:2:5: error AGG02: denominator is blank");
        var printed = QpRunner.Run("import", "--db", Db, _tmp.File("broken.csv"));
        printed.ExitCode.Should().Be(ExitCode.Rejected);
        printed.Error.Should().EndWith("broken.csv: rejected with 3 error(s); the database is unchanged\n");
    }
}

public class ComputeDifferencesTests
{
    [Fact]
    public void Compute_lists_each_child_level_figure_that_differs_from_an_aggregate_one()
    {
        using var tmp = new TempDir();
        var db = tmp.File("qp.db");
        var hartlepool = Path.Combine(Qp.Tests.Shared.RealData.RepoRoot, "sample-data", "805_2001");
        QpRunner.Run("import", "--db", db, hartlepool).ExitCode.Should().Be(0);
        File.WriteAllText(tmp.File("agg.csv"), "la_code,year,indicator,numerator,denominator\n805,2001,A1,1,2\n");
        QpRunner.Run("import", "--db", db, tmp.File("agg.csv")).ExitCode.Should().Be(0);
        var run = QpRunner.Run("compute", "--db", db);
        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("1 child-level figures differ from imported ones")
            .And.MatchRegex(@"A1 2000-01 805 Hartlepool: child-level \d+/\d+ used; the aggregate figure was 1/2");
    }
}
