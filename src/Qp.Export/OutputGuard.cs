using Qp.Store;

namespace Qp.Export;

/// <summary>Keeps outputs from overwriting inputs or anything that is not an ordinary file: every command that writes files asks it before writing.</summary>
public static class OutputGuard
{
    /// <summary>
    /// The input that writing <paramref name="output"/> would overwrite, or null when there is none: the same path once every symbolic
    /// link of both paths is resolved (linked folders included), or the same file by device and inode (a hard link).
    /// </summary>
    public static string? InputAt(string output, IEnumerable<string> inputs)
    {
        var real = LocalFile.RealPath(output);
        var id = LocalFile.Identity(real);
        foreach (var input in inputs.Where(i => !string.IsNullOrEmpty(i)))
        {
            if (string.Equals(real, LocalFile.RealPath(input), StringComparison.Ordinal)) return input;
            if (id is { } a && LocalFile.Identity(input) is { } b && a == b) return input;
        }
        return null;
    }

    /// <summary>
    /// Why <paramref name="output"/> must not be written, or null when it may: it is one of <paramref name="inputs"/>, or something
    /// is already there that is not a regular file (a device, a pipe, a symbolic link, which renaming would replace rather than write through),
    /// or a read-only file.
    /// </summary>
    public static string? Refusal(string output, IEnumerable<string> inputs)
    {
        if (string.IsNullOrWhiteSpace(output)) return "the output path is empty";
        if (InputAt(output, inputs) is { } input) return $"it would overwrite the input {input}";
        var full = Path.GetFullPath(output);
        if (LocalFile.IsLink(full)) return "it is a symbolic link; give the real file's path";
        return LocalFile.KindOf(full) switch
        {
            // Renaming over a file ignores its permissions: a file its owner made read-only is refused rather than replaced.
            FileKind.Regular when ReadOnly(full) => "it is read-only; make it writable or give another name",
            FileKind.Missing or FileKind.Regular or FileKind.Directory => null,
            FileKind.Device => "it is a device, not a regular file",
            FileKind.Pipe => "it is a named pipe, not a regular file",
            _ => "it is not a regular file",
        };
    }

    // No write permission for anyone (mode 0444 and the like), or the read-only attribute: even root's rename would ignore it.
    private static bool ReadOnly(string path) => OperatingSystem.IsWindows() ? new FileInfo(path).IsReadOnly
        : (File.GetUnixFileMode(path) & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0;
}
