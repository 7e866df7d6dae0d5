using System.Diagnostics;

namespace Qp.Cli.Tests.Reliability;

/// <summary>Starts qp as a separate process (from the copy beside the test assembly), for tests that kill it or run two at once.</summary>
public static class ChildQp
{
    /// <summary>Starts `dotnet qp.dll args` with output captured.</summary>
    public static Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "qp.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }

    /// <summary>Runs qp to completion and returns its exit code and output.</summary>
    public static QpRun Run(params string[] args)
    {
        using var p = Start(args);
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return new QpRun(p.ExitCode, output, err.Result);
    }
}
