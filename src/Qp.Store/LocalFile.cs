using System.Runtime.InteropServices;

namespace Qp.Store;

/// <summary>What a path on disk is, once symbolic links are followed.</summary>
public enum FileKind
{
    /// <summary>Nothing is there (or a symbolic link points nowhere).</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A named pipe (FIFO): reading it may wait forever.</summary>
    Pipe,

    /// <summary>A character or block device, such as /dev/zero: reading it may never end.</summary>
    Device,

    /// <summary>A socket or anything else that is not a file.</summary>
    Other,
}

/// <summary>File-system facts .NET does not expose: the kind of file behind a path and its identity (device and inode), and real paths with every link resolved.</summary>
public static class LocalFile
{
    /// <summary>The kind of file at <paramref name="path"/>, following symbolic links.</summary>
    public static FileKind KindOf(string path)
    {
        if (Stat(path) is not { } st)
        {
            // stat failed (nothing there, or a link to nothing: .NET's File.Exists counts a dangling link as a file) or cannot be called.
            if (!nativeMissing && (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())) return FileKind.Missing;
            return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) && !IsLink(path) ? FileKind.Regular : FileKind.Missing;
        }
        return (st.Mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Pipe,
            0x2000 or 0x6000 => FileKind.Device,
            _ => FileKind.Other,
        };
    }

    /// <summary>Whether <paramref name="path"/> is itself a symbolic link (dangling or not).</summary>
    public static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>A sentence saying why <paramref name="path"/> is not a regular file that can be read, or null when it is one.</summary>
    public static string? NotARegularFile(string path) => KindOf(path) switch
    {
        FileKind.Regular => null,
        FileKind.Missing when IsLink(path) => "is a symbolic link to a file that does not exist",
        FileKind.Missing => "does not exist",
        FileKind.Directory => "is a folder, not a file",
        FileKind.Pipe => "is a named pipe (FIFO), not a regular file; only regular files are read",
        FileKind.Device => "is a device, not a regular file; only regular files are read",
        _ => "is not a regular file; only regular files are read",
    };

    /// <summary>The device and inode of the file at <paramref name="path"/> (links followed), or null when there is none or they cannot be told.</summary>
    public static (long Device, long Inode)? Identity(string path) => Stat(path) is { } st ? (st.Dev, st.Ino) : null;

    /// <summary>
    /// The absolute path with every symbolic link resolved, folders included (like realpath(3)); the part that does not exist yet
    /// is appended as written. Link loops stop after 40 hops.
    /// </summary>
    public static string RealPath(string path) => RealPath(Path.GetFullPath(path), 0);

    private static string RealPath(string full, int hops)
    {
        var root = Path.GetPathRoot(full) ?? "/";
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        string current = root;
        for (int i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            string? link = null;
            try
            {
                link = new FileInfo(next).LinkTarget;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
            if (link is not null && hops < 40)
            {
                var target = Path.GetFullPath(link, current);
                var rest = parts.Length > i + 1 ? Path.Combine(parts[(i + 1)..]) : "";
                return RealPath(rest.Length == 0 ? target : Path.Combine(target, rest), hops + 1);
            }
            current = next;
        }
        return current;
    }

    private readonly record struct Status(int Mode, long Dev, long Ino);

    private static bool nativeMissing;

    // .NET's own native shim (libSystem.Native, shipped with every runtime) has a stable, architecture-independent stat record:
    // Flags, Mode (int32 each), then Uid, Gid (uint32), then int64s: Size, six times, two birth times, Dev, RDev, Ino.
    private static Status? Stat(string path)
    {
        if (nativeMissing || !OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return null;
        var buffer = new byte[256];
        try
        {
            if (SystemNativeStat(path, buffer) != 0) return null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            nativeMissing = true;
            return null;
        }
        return new Status(BitConverter.ToInt32(buffer, 4), BitConverter.ToInt64(buffer, 88), BitConverter.ToInt64(buffer, 104));
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int SystemNativeStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] output);
}
