using System.Text.RegularExpressions;

namespace Qp.Import.ChildLevel;

/// <summary>The shape a child-level submission comes in.</summary>
public enum SubmissionFormat
{
    /// <summary>A folder of CSV files, one per table.</summary>
    CsvFolder,

    /// <summary>An Excel workbook with one sheet per table.</summary>
    Workbook,

    /// <summary>An Expanded SSDA903 XML file.</summary>
    Xml,
}

/// <summary>One child-level submission found on disk; LA and year come from its name (e.g. 805_2001) when it follows the convention.</summary>
/// <param name="Path">The folder or file.</param>
/// <param name="Format">CSV folder, workbook or XML.</param>
/// <param name="LaCode">The authority from the name, or null.</param>
/// <param name="Year">The collection year from the name, or null.</param>
public sealed partial record Submission(string Path, SubmissionFormat Format, int? LaCode, int? Year)
{
    /// <summary>The name shown in messages about the submission as a whole.</summary>
    /// <remarks>Control characters in it are escaped (a newline in a folder's name must not forge a line of output).</remarks>
    public string Name => Qp.Domain.Text.EchoText.Escape(System.IO.Path.GetFileName(Path.TrimEnd('/', '\\')), 255);

    [GeneratedRegex(@"^(\d{3})_(\d{4})$")]
    private static partial Regex LaYear();

    // An authority and year somewhere in a name that is not exactly NNN_YYYY: 805_2001_v2, "805_2001 (copy)", 0805_2001.
    [GeneratedRegex(@"(?<!\d)(\d{3,4})_(\d{4})(?!\d)")]
    private static partial Regex NearLaYear();

    /// <summary>
    /// The authority and year a name nearly in the NNN_YYYY form carries (805_2001_v2, "805_2001 (copy)", 0805_2001), or null when the
    /// name is exactly NNN_YYYY (see <see cref="LaCode"/>) or carries none: such a name is never taken as the return's, but must not contradict --la or --year.
    /// </summary>
    public (int La, int Year)? NearName =>
        LaCode is null && NearLaYear().Match(System.IO.Path.GetFileNameWithoutExtension(Path.TrimEnd('/', '\\'))) is { Success: true } m
            ? (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value)) : null;

    /// <summary>
    /// The submissions at <paramref name="path"/>: the XML or XLSX file itself; a folder holding CSV files; or a folder whose
    /// sub-folders or files are named NNN_YYYY (each is one submission). Throws <see cref="FileNotFoundException"/> for a missing
    /// path and <see cref="InvalidDataException"/> when there is no return there.
    /// </summary>
    public static IReadOnlyList<Submission> Find(string path)
    {
        if (File.Exists(path))
        {
            var ext = System.IO.Path.GetExtension(path).ToLowerInvariant();
            var format = ext switch
            {
                ".xml" => SubmissionFormat.Xml,
                ".xlsx" => SubmissionFormat.Workbook,
                _ => throw new InvalidDataException($"{path}: not a child-level return (expected a folder of CSV files, an .xlsx workbook or an .xml file)"),
            };
            return [Named(path, format)];
        }
        if (!Directory.Exists(path)) throw new FileNotFoundException($"{path}: no such file or folder");
        // NNN_YYYY entries make a folder a tree of returns (other files beside them, such as a generated
        // sample's neighbour and aggregate files, are not part of any return); otherwise its CSV files are one return.
        var nested = Directory.EnumerateFileSystemEntries(path)
            .Where(p => LaYear().IsMatch(System.IO.Path.GetFileNameWithoutExtension(p)))
            .Order(StringComparer.Ordinal)
            .SelectMany(p => Directory.Exists(p) || p.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
                ? Find(p) : [])
            .ToArray();
        if (nested.Length > 0) return nested;
        if (Directory.EnumerateFiles(path, "*.csv").Any()) return [Named(path, SubmissionFormat.CsvFolder)];
        throw new InvalidDataException($"{path}: no child-level return here (no CSV files, and no NNN_YYYY folders, .xml or .xlsx files)");
    }

    private static Submission Named(string path, SubmissionFormat format)
    {
        var m = LaYear().Match(System.IO.Path.GetFileNameWithoutExtension(path.TrimEnd('/', '\\')));
        return new Submission(path, format, m.Success ? int.Parse(m.Groups[1].Value) : null, m.Success ? int.Parse(m.Groups[2].Value) : null);
    }
}

/// <summary>One file (or one table of a file) read from a submission, as recorded in import_files.</summary>
/// <param name="Path">The file on disk.</param>
/// <param name="Table">The table recognised, or null when none was.</param>
/// <param name="Rows">Data rows read.</param>
public sealed record FileTable(string Path, string? Table, int Rows);
