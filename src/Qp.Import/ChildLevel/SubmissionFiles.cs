namespace Qp.Import.ChildLevel;

/// <summary>
/// A submission's files, each read once into memory (<see cref="InputFile"/>): validation and storing parse these bytes, and the
/// content hash is theirs, so what is stored is exactly what was validated, whatever happens to the files on disk meanwhile.
/// </summary>
public sealed class SubmissionFiles
{
    private SubmissionFiles(Submission submission, IReadOnlyList<Entry> files, IReadOnlyList<string> ignored) =>
        (Submission, Files, Ignored) = (submission, files, ignored);

    /// <summary>The submission read.</summary>
    public Submission Submission { get; }

    /// <summary>Its files in name order: the CSV files of a folder, or the workbook or XML file itself.</summary>
    public IReadOnlyList<Entry> Files { get; }

    /// <summary>Names of other regular files in a CSV folder (reported as ignored, never read).</summary>
    public IReadOnlyList<string> Ignored { get; }

    /// <summary>One file of the submission: its bytes, or why it was not read.</summary>
    /// <param name="Path">The file.</param>
    /// <param name="Input">Its bytes, or null when it was refused.</param>
    /// <param name="Refusal">Why it was not read (not a regular file, too large), or null.</param>
    /// <param name="TooLarge">Whether the refusal is the size cap (rather than the kind of file).</param>
    public sealed record Entry(string Path, InputFile? Input, string? Refusal, bool TooLarge);

    /// <summary>Reads every file of <paramref name="submission"/> once; pipes, devices and files past <see cref="InputLimits.ReturnFileBytes"/> are refused unread.</summary>
    public static SubmissionFiles Load(Submission submission)
    {
        var entries = new List<Entry>();
        var ignored = new List<string>();
        IEnumerable<string> paths = [submission.Path];
        if (submission.Format == SubmissionFormat.CsvFolder)
        {
            var csv = new List<string>();
            foreach (var path in Directory.EnumerateFiles(submission.Path).Order(StringComparer.Ordinal))
            {
                if (System.IO.Path.GetFileName(path).StartsWith('.')) continue;
                if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) csv.Add(path);
                else if (Qp.Store.LocalFile.KindOf(path) is not (Qp.Store.FileKind.Pipe or Qp.Store.FileKind.Device)) ignored.Add(System.IO.Path.GetFileName(path));
            }
            paths = csv;
        }
        foreach (var path in paths)
        {
            try
            {
                entries.Add(new Entry(path, InputFile.Read(path, InputLimits.ReturnFileBytes), null, false));
            }
            catch (InputRefusedException e)
            {
                entries.Add(new Entry(path, null, e.Reason, Qp.Store.LocalFile.KindOf(path) == Qp.Store.FileKind.Regular));
            }
        }
        return new SubmissionFiles(submission, entries, ignored);
    }

    /// <summary>The SHA-256 of a file read, or a mark no real file's hash can equal for one that was refused.</summary>
    public string Sha256Of(string path) => Files.FirstOrDefault(f => f.Path == path)?.Input?.Sha256 ?? "not-a-regular-file";

    /// <summary>The files as the store records them, with no table yet (for the content hash).</summary>
    public IEnumerable<Qp.Store.ImportFile> AsImportFiles() =>
        Files.Select(f => new Qp.Store.ImportFile(System.IO.Path.GetFileName(f.Path), Sha256Of(f.Path), null, 0));
}
