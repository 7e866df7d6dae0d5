using System.Security.Cryptography;

namespace Qp.Export;

/// <summary>Writes files so that a reader never sees half a file: into a temporary file in the same folder, flushed to disk, then renamed over the target.</summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> with <paramref name="write"/> and returns the SHA-256 (lower-case hex) of the bytes on disk.</summary>
    /// <remarks>On failure the temporary file is removed and any existing file at <paramref name="path"/> is left as it was.</remarks>
    public static string Write(string path, Action<Stream> write)
    {
        using var staged = Stage(path, write);
        staged.Commit();
        return staged.Sha256;
    }

    /// <summary>Writes <paramref name="write"/>'s bytes to a temporary file beside <paramref name="path"/>, to be renamed into place by <see cref="StagedFile.Commit"/>.</summary>
    /// <remarks>Disposing a staged file that was not committed removes the temporary file; a failure while writing removes it at once.</remarks>
    public static StagedFile Stage(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        // Same folder, so the rename is atomic (same file system); leading dot keeps it out of casual listings.
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var fs = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024))
            {
                write(fs);
                fs.Flush(flushToDisk: true);
            }
            return new StagedFile(full, temp, Sha256Of(temp));
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>
    /// Renames a set of staged files into place so that the set appears complete or not at all to anyone who checks the seal:
    /// the seal's old file (e.g. a manifest) is removed first, the other files are renamed, and the seal is renamed last. A process
    /// killed part-way leaves files without a seal — never a seal beside files it does not describe.
    /// </summary>
    public static void CommitSet(IReadOnlyList<StagedFile> files, StagedFile seal)
    {
        File.Delete(seal.Target);
        foreach (var f in files) f.Commit();
        BetweenRenames?.Invoke();
        seal.Commit();
    }

    /// <summary>A test hook run after the files of a set are renamed and before its seal is (where a kill -9 would leave the set unsealed).</summary>
    internal static Action? BetweenRenames { get; set; }

    /// <summary>The SHA-256 of a file's bytes, lower-case hex.</summary>
    public static string Sha256Of(string path)
    {
        using var fs = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(fs));
    }

    internal static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>A file written to a temporary name, waiting to be renamed over its target.</summary>
public sealed class StagedFile : IDisposable
{
    private bool committed;

    internal StagedFile(string target, string temp, string sha256) => (Target, Temp, Sha256) = (target, temp, sha256);

    /// <summary>The path the file will have.</summary>
    public string Target { get; }

    /// <summary>The temporary path it has until committed.</summary>
    public string Temp { get; }

    /// <summary>The SHA-256 (lower-case hex) of its bytes.</summary>
    public string Sha256 { get; }

    /// <summary>Its size in bytes.</summary>
    public long Length => new FileInfo(committed ? Target : Temp).Length;

    /// <summary>Renames the temporary file over the target (atomic on one file system).</summary>
    public void Commit()
    {
        if (committed) return;
        File.Move(Temp, Target, overwrite: true);
        committed = true;
    }

    /// <summary>Removes the temporary file unless it was committed.</summary>
    public void Dispose()
    {
        if (!committed) AtomicFile.TryDelete(Temp);
    }
}
