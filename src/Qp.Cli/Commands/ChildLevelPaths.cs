using Qp.Domain.Authorities;
using Qp.Import.ChildLevel;

namespace Qp.Cli.Commands;

/// <summary>What validate and import share: finding submissions under the paths given, and settling each one's authority and year.</summary>
internal static class ChildLevelPaths
{
    /// <summary>The submissions at <paramref name="path"/>; a missing path or a folder with no return is a usage error.</summary>
    public static IReadOnlyList<Submission> Find(string path)
    {
        try
        {
            return Submission.Find(path);
        }
        catch (FileNotFoundException e) { throw new UsageException(e.Message); }
        catch (InvalidDataException e) { throw new UsageException(e.Message); }
    }

    /// <summary>The authority and year: --la/--year when given, else from the NNN_YYYY name; the authority must be known.</summary>
    public static (int? La, int Year) Resolve(Submission s, int? la, int? year, IReadOnlyCollection<Authority> authorities, bool laRequired)
    {
        int? code = la ?? s.LaCode;
        int y = year ?? s.Year ?? throw new UsageException($"{s.Path}: cannot tell the collection year; name it NNN_YYYY (e.g. 805_2001) or give --year");
        if (y is < 1990 or > 2100) throw new UsageException($"{s.Path}: year {y} is not a plausible collection year");
        if (code is null && laRequired) throw new UsageException($"{s.Path}: cannot tell the authority; name it NNN_YYYY (e.g. 805_2001) or give --la");
        if (code is { } c && authorities.All(a => a.Code != c))
            throw new UsageException($"{s.Path}: authority {c} is not in the authorities table");
        return (code, y);
    }

    /// <summary>A message as printed: with several returns in one run, the file is named inside its return's folder (805_2001/Episodes.csv:14:4: …) so that every line says whose it is.</summary>
    public static string Located(Submission s, Qp.Domain.Validation.ValidationMessage m, bool several) =>
        several && s.Format == SubmissionFormat.CsvFolder ? $"{s.Name}/{m}" : m.ToString();

    /// <summary>Today's date, for "not in the future".</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
}
