namespace Qp.Export;

/// <summary>Keeps outputs from overwriting inputs: any command that writes files can ask it before writing.</summary>
public static class OutputGuard
{
    /// <summary>The input that writing <paramref name="output"/> would overwrite — the same path, or a symbolic link to the same file — or null when there is none.</summary>
    public static string? InputAt(string output, IEnumerable<string> inputs) =>
        inputs.Where(i => !string.IsNullOrEmpty(i)).FirstOrDefault(i => SameFile(output, i));

    private static bool SameFile(string a, string b)
    {
        var (fa, fb) = (Path.GetFullPath(a), Path.GetFullPath(b));
        if (string.Equals(fa, fb, StringComparison.Ordinal)) return true;
        if (!File.Exists(fa) || !File.Exists(fb)) return false;
        return string.Equals(Resolved(fa), Resolved(fb), StringComparison.Ordinal);
    }

    private static string Resolved(string path) =>
        new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
}
