namespace Qp.Cli.Tests;

/// <summary>Our EES export is read back by qp import and reproduces the same figures.</summary>
public class EesRoundTripTests
{
    [Fact]
    public void Importing_our_EES_export_reproduces_the_same_figures()
    {
        using var tmp = new TempDir();
        var aggregate = tmp.File("aggregate.csv");
        // Four authorities' A1 for 2000-01: 31/180, 12/100, 0/45, 3/20 → England 46/345 = 13.3%.
        File.WriteAllText(aggregate, "la_code,year,indicator,numerator,denominator\n805,2001,A1,31,180\n806,2001,A1,12,100\n807,2001,A1,0,45\n808,2001,A1,3,20\n");
        var first = tmp.File("first.db");
        QpRunner.Run("import", "--db", first, aggregate).ExitCode.Should().Be(0);
        QpRunner.Run("compute", "--db", first).ExitCode.Should().Be(0);
        var ees = tmp.File("ees.csv");
        QpRunner.Run("export", "--db", first, "--year", "2001", "--format", "ees", "--out", ees).ExitCode.Should().Be(0);

        var second = tmp.File("second.db");
        var imported = QpRunner.Run("import", "--db", second, ees);
        imported.ExitCode.Should().Be(0, imported.Error);
        QpRunner.Run("compute", "--db", second).ExitCode.Should().Be(0);

        var a = tmp.File("a.csv");
        var b = tmp.File("b.csv");
        QpRunner.Run("export", "--db", first, "--year", "2001", "--out", a).ExitCode.Should().Be(0);
        QpRunner.Run("export", "--db", second, "--year", "2001", "--out", b).ExitCode.Should().Be(0);
        var before = Figures(a);
        before.Should().HaveCount(4);
        before.Should().ContainKey("805").WhoseValue.Should().Be("31,180,17.2,13.3");
        Figures(b).Should().Equal(before);
    }

    /// <summary>la_code → "numerator,denominator,value,england_value" from a government export.</summary>
    private static Dictionary<string, string> Figures(string csv)
    {
        var lines = File.ReadAllLines(csv);
        var h = lines[0].Split(',');
        int I(string c) => Array.IndexOf(h, c);
        return lines.Skip(1).Select(l => l.Split(','))
            .Where(f => f[I("indicator")] == "A1")
            .ToDictionary(f => f[I("la_code")], f => string.Join(',', f[I("numerator")], f[I("denominator")], f[I("value")], f[I("england_value")]));
    }
}
