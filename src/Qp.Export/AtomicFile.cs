using System.Security.Cryptography;

namespace Qp.Export;

/// <summary>Writes files so that a reader never sees half a file: into a temporary file in the same folder, flushed to disk, then renamed over the target.</summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> with <paramref name="write"/> and returns the SHA-256 (lower-case hex) of the bytes on disk.</summary>
    /// <remarks>On failure the temporary file is removed and any existing file at <paramref name="path"/> is left as it was.</remarks>
    public static string Write(string path, Action<Stream> write)
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
            var sha = Sha256Of(temp);
            File.Move(temp, full, overwrite: true);
            return sha;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>The SHA-256 of a file's bytes, lower-case hex.</summary>
    public static string Sha256Of(string path)
    {
        using var fs = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(fs));
    }
}
