namespace Qp.Cli.Tests;

public class HelpTests
{
    [Fact]
    public void Unknown_command_is_a_usage_error()
    {
        var run = QpRunner.Run("no-such-command");
        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("no-such-command");
    }

    [Fact]
    public void Help_lists_the_commands()
    {
        var run = QpRunner.Run("--help");
        run.ExitCode.Should().Be(0);
        run.Out.Should().Contain("sample").And.Contain("report");
    }
}
