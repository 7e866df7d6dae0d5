using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Qp.Domain.Validation;
using Qp.Store;
using Qp.Validate;

namespace Qp.Import.ChildLevel;

/// <summary>The result of importing one submission.</summary>
/// <param name="Report">The validation report (errors mean nothing was stored).</param>
/// <param name="Outcome">Accepted, replaced or unchanged; null when rejected.</param>
/// <param name="ImportId">The imports row written, or null when nothing was written.</param>
public sealed record ImportResult(ValidationReport Report, ImportOutcome? Outcome, long? ImportId);

/// <summary>
/// Imports a child-level submission in two streaming passes: pass 1 reads and validates (keeping only compact per-child facts);
/// only when there are no errors, pass 2 reads again and inserts every row in one transaction with the import record. A rejected
/// submission writes nothing at all, so the store is byte-for-byte unchanged; an identical resubmission (same content hash) is a no-op.
/// </summary>
public static class ChildLevelImporter
{
    /// <summary>Validates and, when valid and changed, stores <paramref name="submission"/> for authority <paramref name="laCode"/> and year <paramref name="year"/>.</summary>
    public static ImportResult Import(SqliteConnection conn, Submission submission, int laCode, int year, DateOnly today)
    {
        // Identical files were validated when they were stored: hash first (cheap), and skip both passes when nothing changed.
        var paths = FilesOf(submission);
        var contentHash = ContentHash(paths.Select(p => new ImportFile(Path.GetFileName(p), Sha256OrMark(p), null, 0)));
        if (ChildReturnStore.CurrentContentHash(conn, laCode, year) == contentHash)
            return new ImportResult(new ValidationReport(submission, year, [], []), ImportOutcome.Unchanged, null);

        // The previous-year rules compare with the authority's stored return for the year before, when there is one.
        var report = SubmissionReader.Validate(submission, year, today, PreviousReturns.FromStore(conn, laCode, year - 1));
        if (!report.Accepted) return new ImportResult(report, null, null);
        var files = report.Files.Select(f => new ImportFile(Path.GetFileName(f.Path), Sha256(f.Path), f.Table, f.Rows)).ToArray();
        if (ContentHash(files) != contentHash) throw new IOException($"{submission.Path}: the files changed while they were being imported; nothing was stored");

        BetweenPasses?.Invoke(submission);
        using var writer = ChildReturnStore.BeginSubmission(conn, laCode, year, contentHash, files);
        // Pass 2: the rows are read again and mapped; messages were all reported in pass 1, so this context discards them.
        var ctx = new RuleContext(year, today, _ => { });
        bool Changed() => ContentHash(FilesOf(submission).Select(p => new ImportFile(Path.GetFileName(p), Sha256OrMark(p), null, 0))) != contentHash;
        var changed = new IOException($"{submission.Path}: the files changed while they were being imported; nothing was stored");
        try
        {
            SubmissionReader.Read(submission, ctx, row =>
            {
                if (row.Table == Tables.Header) writer.Add(RowMapper.Header(row));
                else if (row.Table == Tables.Episodes) writer.Add(RowMapper.Episode(row));
                else if (row.Table == Tables.Oc1) writer.Add(RowMapper.Oc1(row));
                else if (row.Table == Tables.Oc2) writer.Add(RowMapper.Oc2(row));
                else if (row.Table == Tables.Cpr) writer.Add(RowMapper.Cpr(row));
                else writer.AddOther(row.Table.Name, RowMapper.Json(row));
            });
        }
        catch (Exception) when (Changed())
        {
            // Rows that validation never saw need not map: the change is the failure to report.
            throw changed;
        }
        // Validated bytes are stored bytes: a file replaced while pass 2 read it is caught here, and disposing the writer rolls back.
        if (Changed()) throw changed;
        long id = writer.Commit(report.Messages.Where(m => m.Severity == Severity.Warning));
        return new ImportResult(report, writer.Outcome, id);
    }

    /// <summary>A test hook run between the validating pass and the storing pass (to swap a file there).</summary>
    internal static Action<Submission>? BetweenPasses { get; set; }

    // The files whose bytes make up the submission: every CSV of a folder, or the workbook or XML file itself.
    private static string[] FilesOf(Submission s) => s.Format == SubmissionFormat.CsvFolder
        ? Directory.EnumerateFiles(s.Path).Where(p => p.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !Path.GetFileName(p).StartsWith('.')).Order(StringComparer.Ordinal).ToArray()
        : [s.Path];

    // A pipe or device is never read (validation rejects it); it gets a mark no real file's hash can equal.
    private static string Sha256OrMark(string path) => Qp.Store.LocalFile.NotARegularFile(path) is null ? Sha256(path) : "not-a-regular-file";

    /// <summary>Lower-case hex SHA-256 of a file, read as a stream.</summary>
    public static string Sha256(string path)
    {
        using var s = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(s));
    }

    /// <summary>SHA-256 over the sorted "name:sha256" lines of the distinct files: the same files give the same hash whatever order they are read in.</summary>
    public static string ContentHash(IEnumerable<ImportFile> files)
    {
        var text = string.Join("\n", files.Select(f => $"{f.FileName}:{f.Sha256}").Distinct().Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }
}
