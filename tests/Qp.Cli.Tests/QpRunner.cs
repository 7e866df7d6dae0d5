using Qp.Cli;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Qp.Cli.Tests;

/// <summary>What one in-process run of qp printed and returned.</summary>
public sealed record QpRun(int ExitCode, string Out, string Error);

/// <summary>Runs qp in-process with the console captured (tests in this assembly run one at a time because the console is global).</summary>
public static class QpRunner
{
    public static QpRun Run(params string[] args)
    {
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        using var o = new StringWriter();
        using var e = new StringWriter();
        Console.SetOut(o);
        Console.SetError(e);
        try
        {
            int code = QpApp.Run(args);
            return new QpRun(code, o.ToString(), e.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }
}

/// <summary>A temporary folder deleted when disposed.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("qp-test-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
