namespace Qp.Cli.Tests;

public class TreeMessagesTests
{
    [Fact]
    public void With_several_returns_each_message_names_its_returns_folder()
    {
        using var tmp = new TempDir();
        var gen = tmp.File("gen");
        QpRunner.Run("sample", "--out", gen, "--years", "2001-2001", "--la", "805,806", "--aggregate-years", "none").ExitCode.Should().Be(0);
        // Break the second data row of Middlesbrough's Episodes: DECOM 31/02/2001 (E204, line 3, column 2).
        var episodes = Path.Combine(gen, "806_2001", "Episodes.csv");
        var lines = File.ReadAllLines(episodes);
        var fields = lines[2].Split(',');
        fields[1] = "31/02/2001";
        lines[2] = string.Join(',', fields);
        File.WriteAllLines(episodes, lines);

        var tree = QpRunner.Run("validate", gen);
        tree.ExitCode.Should().Be(1);
        tree.Out.Should().Contain("806_2001/Episodes.csv:3:2: error E204: DECOM 31/02/2001 is not a valid date");

        // One return on its own: the file name alone, as before.
        var single = QpRunner.Run("validate", Path.Combine(gen, "806_2001"));
        single.Out.Should().MatchRegex("(?m)^Episodes.csv:3:2: error E204").And.NotContain("806_2001/Episodes.csv");
    }
}
