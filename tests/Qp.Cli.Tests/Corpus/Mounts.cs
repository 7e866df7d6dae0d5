using System.Diagnostics;

namespace Qp.Cli.Tests.Corpus;

/// <summary>A small tmpfs mounted for one test (a full disk, a read-only folder); unmounted when disposed. Needs root.</summary>
public sealed class TmpfsMount : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("qp-mnt-").FullName;

    public TmpfsMount(string size)
    {
        if (Sh("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", Path) != 0) throw new InvalidOperationException("mount failed");
    }

    /// <summary>Makes the mount read-only: nothing under it can be written, even by root.</summary>
    public void ReadOnly() => Sh("mount", "-o", "remount,ro", Path).Should().Be(0);

    public void Dispose()
    {
        Sh("umount", Path);
        try { Directory.Delete(Path); } catch (IOException) { }
    }

    public static int Sh(string cmd, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(cmd, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        p.WaitForExit();
        return p.ExitCode;
    }

    /// <summary>Whether this process may mount a tmpfs (root in a container that allows it).</summary>
    public static bool Possible { get; } = Probe();

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root") return false;
        try
        {
            using var m = new TmpfsMount("16k");
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

/// <summary>A fact that needs to mount a tmpfs; skipped, saying why, where that is not allowed.</summary>
public sealed class MountFactAttribute : FactAttribute
{
    public MountFactAttribute()
    {
        if (!TmpfsMount.Possible) Skip = "needs root and permission to mount a tmpfs (a full disk and a read-only folder are simulated with one)";
    }
}
