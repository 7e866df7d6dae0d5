using System.Security.Cryptography;
using Qp.Store;

namespace Qp.Import;

/// <summary>The fixed caps every input is read within (docs/safety.md lists them); past one, the input is refused with a located error.</summary>
public static class InputLimits
{
    /// <summary>The largest file of a child-level return (CSV, XML or XLSX), 16 MiB: a large authority's year is well under 5 MiB, and validating 16 MiB stays under 300 MB of memory.</summary>
    public const long ReturnFileBytes = 16L * 1024 * 1024;

    /// <summary>The largest reference list (provider list, neighbours, published statistics, aggregate return), 64 MiB: Ofsted's lists are about 5 MiB.</summary>
    public const long ReferenceFileBytes = 64L * 1024 * 1024;

    /// <summary>The longest value of one field (CSV field, XML element text, workbook cell): 32,767 characters, Excel's own cell limit.</summary>
    public const int FieldChars = 32_767;

    /// <summary>The longest CSV record (one row with all its fields), 1 MiB.</summary>
    public const int RowBytes = 1024 * 1024;

    /// <summary>The most rows a reference list may have (Ofsted's lists have under 50,000).</summary>
    public const int ReferenceRows = 200_000;
}

/// <summary>
/// One input file read once, whole, into memory: the bytes hashed are the bytes parsed, so a file swapped while a command runs
/// cannot be validated as one file and stored as another. Only regular files within a size cap are read.
/// </summary>
/// <param name="Path">The path given.</param>
/// <param name="Bytes">Every byte of the file.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of <paramref name="Bytes"/>.</param>
public sealed record InputFile(string Path, byte[] Bytes, string Sha256)
{
    /// <summary>The file's name without its folder.</summary>
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>A stream over the bytes (never the file on disk again).</summary>
    public MemoryStream Open() => new(Bytes, writable: false);

    /// <summary>
    /// Reads <paramref name="path"/> when it is a regular file of at most <paramref name="cap"/> bytes; otherwise throws
    /// <see cref="InputRefusedException"/> saying why (a pipe, a device, a folder, too large) without reading it.
    /// </summary>
    public static InputFile Read(string path, long cap)
    {
        if (LocalFile.NotARegularFile(path) is { } why) throw new InputRefusedException(path, why);
        try
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            // The length of the file opened (not of the path, which may have been swapped since the check above).
            if (fs.Length > cap) throw new InputRefusedException(path, TooLarge(fs.Length, cap));
            var bytes = new byte[fs.Length];
            fs.ReadExactly(bytes);
            // A file that grew while it was read is refused rather than cut.
            if (fs.ReadByte() >= 0) throw new InputRefusedException(path, "the file changed while it was read");
            return new InputFile(path, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
        catch (EndOfStreamException)
        {
            throw new InputRefusedException(path, "the file changed while it was read");
        }
    }

    /// <summary>The sentence for a file of <paramref name="length"/> bytes past <paramref name="cap"/>.</summary>
    public static string TooLarge(long length, long cap) =>
        $"the file is {Mb(length)}, more than the limit of {Mb(cap)} for this kind of input (docs/safety.md)";

    private static string Mb(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MiB" : $"{bytes:N0} bytes";
}

/// <summary>An input that is not read at all: not a regular file, or past its size cap.</summary>
/// <param name="path">The path given.</param>
/// <param name="reason">Why, as a sentence without the path.</param>
public sealed class InputRefusedException(string path, string reason) : IOException($"{path}: {reason}")
{
    /// <summary>The path given.</summary>
    public string PathGiven { get; } = path;

    /// <summary>Why it was refused, without the path.</summary>
    public string Reason { get; } = reason;
}
