using System.Diagnostics;
using System.Globalization;

namespace Qp.Cli.Bench;

/// <summary>One timed stage of the pipeline: wall seconds and the peak resident memory of the process that ran it.</summary>
/// <param name="Name">The stage, e.g. "import".</param>
/// <param name="Rows">Rows the stage handled (0 when not row-based).</param>
/// <param name="Seconds">Wall-clock seconds.</param>
/// <param name="PeakMb">Peak resident set size of the stage's process in MB (VmHWM), or null when unknown.</param>
public sealed record StageTiming(string Name, long Rows, double Seconds, double? PeakMb)
{
    /// <summary>Rows per second, or null when the stage is not row-based.</summary>
    public double? RowsPerSecond => Rows > 0 && Seconds > 0 ? Rows / Seconds : null;
}

/// <summary>Runs qp stages in child processes so each one's peak memory is its own.</summary>
public static class StageRunner
{
    /// <summary>The environment variable naming a file a qp process writes its peak memory (kB) to on exit.</summary>
    public const string PeakFileVariable = "QP_PEAK_FILE";

    /// <summary>Runs `qp args` as a child process and times it; a non-zero exit is a failure naming the stage.</summary>
    public static StageTiming Run(string name, long rows, params string[] args) => Run(name, rows, rejectedIsResult: false, args);

    /// <summary>
    /// Runs `qp args` as a child process and times it; with <paramref name="rejectedIsResult"/> exit 1 (a return rejected) is a result
    /// of the stage, not its failure (a benchmark of validation times the rules whatever they find).
    /// </summary>
    public static StageTiming Run(string name, long rows, bool rejectedIsResult, params string[] args)
    {
        var peakFile = Path.GetTempFileName();
        try
        {
            var psi = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
            // Started as `dotnet qp.dll`: the child needs the assembly too.
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
                psi.ArgumentList.Add(typeof(StageRunner).Assembly.Location);
            foreach (var a in args) psi.ArgumentList.Add(a);
            psi.Environment[PeakFileVariable] = peakFile;
            var sw = Stopwatch.StartNew();
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            p.WaitForExit();
            var seconds = sw.Elapsed.TotalSeconds;
            if (p.ExitCode != 0 && !(rejectedIsResult && p.ExitCode == ExitCode.Rejected))
                throw new IOException($"bench stage '{name}' (qp {string.Join(' ', args)}) exited with {p.ExitCode}: {stderr.Result.Trim()} {stdout.Result.Trim()}");
            var text = File.ReadAllText(peakFile).Trim();
            double? peak = long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long kb) ? kb / 1024.0 : null;
            return new StageTiming(name, rows, seconds, peak);
        }
        finally { File.Delete(peakFile); }
    }

    /// <summary>Writes this process's peak resident memory (VmHWM, kB) to the file named by <see cref="PeakFileVariable"/>, when set.</summary>
    public static void RecordPeak()
    {
        if (Environment.GetEnvironmentVariable(PeakFileVariable) is not { Length: > 0 } file) return;
        if (PeakKb("/proc/self/status") is { } kb) File.WriteAllText(file, kb.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The peak resident memory (VmHWM, kB) in a /proc status file, or null when it cannot be read.</summary>
    public static long? PeakKb(string statusFile)
    {
        try
        {
            var line = File.Exists(statusFile) ? File.ReadLines(statusFile).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
            return line is not null && long.TryParse(line["VmHWM:".Length..].Trim().Split(' ')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out long kb) ? kb : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process ended between the check and the read.
            return null;
        }
    }
}
