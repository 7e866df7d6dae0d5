using Qp.Domain.Authorities;
using Qp.Import.ChildLevel;

namespace Qp.Pipeline.Returns;

/// <summary>What validation and import share: finding the returns under the paths given, and settling each one's authority and year.</summary>
public static class ReturnPaths
{
    /// <summary>The submissions at <paramref name="path"/>; a missing path or a folder with no return is a usage error.</summary>
    public static IReadOnlyList<Submission> Find(string path)
    {
        try
        {
            return Submission.Find(path);
        }
        catch (FileNotFoundException e) { throw new RequestException(e.Message); }
        catch (InvalidDataException e) { throw new RequestException(e.Message); }
    }

    /// <summary>
    /// --la and --year name one return's authority and year: with several returns (a folder of NNN_YYYY returns, or several paths)
    /// they would file every return under the same authority and year, so that is a usage error.
    /// </summary>
    public static void RefuseOverrideOfSeveral(IReadOnlyList<string> paths, int? la, int? year)
    {
        if (la is null && year is null) return;
        var option = la is not null ? $"--la {la}" : $"--year {year}";
        var returns = paths.Where(p => Directory.Exists(p) || p.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
                                                          || p.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => Directory.Exists(p) ? TryFind(p) : [p]).ToList();
        if (returns.Count > 1)
            throw new RequestException($"{option} names the authority and year of one return, but {returns.Count} returns were given " +
                                     $"({string.Join(", ", returns.Take(3).Select(Path.GetFileName))}{(returns.Count > 3 ? ", …" : "")}); " +
                                     "drop the option (each return's NNN_YYYY name says whose it is) or give one return");
    }

    private static IEnumerable<string> TryFind(string path)
    {
        try
        {
            return Submission.Find(path).Select(s => s.Path);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            return [];
        }
    }

    /// <summary>A located message when <paramref name="path"/> (given as an argument) is a file that must not be read — a pipe, a device — or null.</summary>
    public static string? NotReadable(string path) =>
        Directory.Exists(path) || !File.Exists(path) && !Qp.Store.LocalFile.IsLink(path) ? null
        : Qp.Store.LocalFile.NotARegularFile(path) is { } why ? new Qp.Domain.Validation.ValidationMessage(Path.GetFileName(path), 0, 0, Qp.Validate.Rules.FileRules.NotRegularFile.Severity, Qp.Validate.Rules.FileRules.NotRegularFile.Code, why).ToString() : null;

    /// <summary>The authority and year: from the NNN_YYYY name, or --la/--year for a return whose name does not say; the two must agree, and the authority must be known.</summary>
    public static (int? La, int Year) Resolve(Submission s, int? la, int? year, IReadOnlyCollection<Authority> authorities, bool laRequired)
    {
        if (la is { } l && s.LaCode is { } named && l != named)
            throw new RequestException($"--la {l} contradicts the return {s.Name}, whose name says authority {named}; drop --la or rename the return");
        if (year is { } given && s.Year is { } namedYear && given != namedYear)
            throw new RequestException($"--year {given} contradicts the return {s.Name}, whose name says year {namedYear}; drop --year or rename the return");
        // A near-name (805_2001_v2, "805_2001 (copy)", 0805_2001) says whose return it is as surely as an exact one: --la and --year may not re-file it.
        if (s.NearName is { } near && (la is { } l2 && l2 != near.La || year is { } y2 && y2 != near.Year))
            throw new RequestException($"{(la is { } l3 && l3 != near.La ? $"--la {l3}" : $"--year {year}")} contradicts the return {s.Name}, whose name says authority {near.La}, year {near.Year}; " +
                                     "rename the return to NNN_YYYY or drop the option");
        int? code = la ?? s.LaCode;
        int y = year ?? s.Year ?? throw new RequestException($"{s.Path}: cannot tell the collection year; name it NNN_YYYY (e.g. 805_2001) or give --year");
        if (y is < 1990 or > 2100) throw new RequestException($"{s.Path}: year {y} is not a plausible collection year");
        if (code is null && laRequired) throw new RequestException($"{s.Path}: cannot tell the authority; name it NNN_YYYY (e.g. 805_2001) or give --la");
        if (code is { } c && authorities.All(a => a.Code != c))
            throw new RequestException($"{s.Path}: authority {c} is not in the authorities table");
        return (code, y);
    }

    /// <summary>Today's date, for "not in the future".</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
}
