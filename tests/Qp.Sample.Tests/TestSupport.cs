using Qp.Domain.Authorities;
using Qp.Import.Reference;

namespace Qp.Sample.Tests;

/// <summary>The shipped authorities and scratch folders.</summary>
public static class TestSupport
{
    public static IReadOnlyList<Authority> Authorities { get; } =
        AuthoritiesFile.Read(Path.Combine(AppContext.BaseDirectory, "templates", "authorities.csv"));

    public static IReadOnlyList<Authority> Pick(params int[] codes) => Authorities.Where(a => codes.Contains(a.Code)).ToList();

    public static string NewDir() => Directory.CreateTempSubdirectory("qp-sample-").FullName;

    public static void Delete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>SHA-256 of every file under <paramref name="dir"/>, keyed by relative path.</summary>
    public static SortedDictionary<string, string> Hashes(string dir)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            result[Path.GetRelativePath(dir, f)] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)));
        return result;
    }
}
