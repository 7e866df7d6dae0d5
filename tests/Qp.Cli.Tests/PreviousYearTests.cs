using static Qp.Cli.Tests.ChildLevelReturns;

namespace Qp.Cli.Tests;

/// <summary>Real-shape returns imported year after year, checked against the return stored for the year before.</summary>
public class PreviousYearTests
{
    // 805's 2000 return: both children in an episode still open at 31 March 2000 (no OC1 or OC2 cohort yet).
    private static string Previous(string dir) => Write(dir, "805_2000",
        ("Episodes.csv", "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n" +
                         "1001,10/01/1999,S,C2,N1,U4,PR1,,,,TS24 8,TS25 1,\n1002,01/02/1999,S,C2,N2,K2,PR1,,,,TS24 8,,SC123456\n"),
        ("OC1.csv", null), ("OC2.csv", null), ("CPR.csv", null));

    // 805's 2001 return with 1001's first episode recorded under legal status C1 instead of last year's C2.
    private static string ChangedLs(string dir) => Write(dir, "805_2001",
        ("Episodes.csv", Episodes.Replace("1001,10/01/1999,S,C2,", "1001,10/01/1999,S,C1,").Replace("1001,01/06/2000,P,C2,", "1001,01/06/2000,P,C1,")));

    [Fact]
    public void Import_checks_a_return_against_last_years_stored_return_and_warns_without_rejecting()
    {
        using var t = new TempDir();
        var db = t.File("qp.db");
        QpRunner.Run("import", "--db", db, Previous(Path.Combine(t.Path, "a"))).ExitCode.Should().Be(0);

        var run = QpRunner.Run("import", "--db", db, ChangedLs(Path.Combine(t.Path, "b")));

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("Episodes.csv:2:0: warning W702: the episode open at the end of last year's return differs from it: LS was C2, now C1")
            .And.Contain("805_2001: accepted");
    }

    [Fact]
    public void Validate_reads_last_year_from_an_existing_store_or_from_previous_and_never_creates_a_store()
    {
        using var t = new TempDir();
        var db = t.File("qp.db");
        var previous = Previous(Path.Combine(t.Path, "a"));
        var current = ChangedLs(Path.Combine(t.Path, "b"));

        var none = QpRunner.Run("validate", "--db", db, current);
        none.Out.Should().NotContain("warning W702")
            .And.Contain("805_2001: not run: 3 rule(s) (W701, W702, W703) need last year's return (1999-00: import it, or give --previous)");
        File.Exists(db).Should().BeFalse();

        var given = QpRunner.Run("validate", "--db", db, "--previous", previous, current);
        given.Out.Should().Contain("warning W702").And.Contain("805_2001: 0 error(s), 1 warning(s)").And.NotContain("not run");

        QpRunner.Run("import", "--db", db, previous).ExitCode.Should().Be(0);
        QpRunner.Run("validate", "--db", db, current).Out.Should().Contain("warning W702: the episode open at the end of last year's return differs from it: LS was C2, now C1");
    }
}
