using Qp.Export;
using Qp.Store;

namespace Qp.Cli;

/// <summary>What every report and export command checks before writing: an output never overwrites an input, nor anything that is not a regular file.</summary>
public static class Outputs
{
    /// <summary>The tool's inputs for a store: the database and its journal files (beside the path given and beside the file it links to), and every template file.</summary>
    public static IReadOnlyList<string> Inputs(string db)
    {
        var real = LocalFile.RealPath(db);
        return
        [
            .. new[] { db, real }.Distinct().SelectMany(d => new[] { d, d + "-wal", d + "-shm", d + "-journal" }),
            .. Directory.Exists(Templates.Folder) ? Directory.GetFiles(Templates.Folder, "*", SearchOption.AllDirectories) : [],
        ];
    }

    /// <summary>Refuses (a usage error naming --out) to write <paramref name="output"/> when it is an input or a link to one, or is not a regular file.</summary>
    public static void RefuseInputs(string output, string db)
    {
        if (OutputGuard.Refusal(output, Inputs(db)) is { } why)
            throw new UsageException($"--out {output}: refused: {why}; reports never overwrite an input or anything but a regular file");
    }

    /// <summary>Runs <paramref name="write"/>; a failure to write (full disk, no permission) is reported naming the user's --out, never an internal temporary file.</summary>
    public static T Writing<T>(string output, Func<T> write)
    {
        try
        {
            return write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = System.Text.RegularExpressions.Regex.Replace(e.Message, @"'?/[^\s']*\.tmp(-[0-9a-f]+)?'?", "its temporary file");
            throw new IOException($"--out {output}: cannot be written: {reason}", e);
        }
    }

    /// <summary>As <see cref="Writing{T}"/>, for a write that returns nothing.</summary>
    public static void Writing(string output, Action write) => Writing(output, () => { write(); return 0; });

    /// <summary>The full path of --out, refusing an empty one (a usage error).</summary>
    public static string FullPath(string? output)
    {
        if (string.IsNullOrWhiteSpace(output)) throw new UsageException("--out is empty: give the file or folder to write, e.g. --out report.xlsx");
        return Path.GetFullPath(output);
    }
}
