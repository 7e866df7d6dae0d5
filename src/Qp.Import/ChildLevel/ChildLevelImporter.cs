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
/// Imports a child-level submission in two passes over its files' bytes, read once: pass 1 validates (keeping only compact per-child
/// facts); only when there are no errors, pass 2 maps the same bytes and inserts every row in one transaction with the import record. A rejected
/// submission writes nothing at all, so the store is byte-for-byte unchanged; an identical resubmission (same content hash) is a no-op.
/// </summary>
public static class ChildLevelImporter
{
    /// <summary>Validates and, when valid and changed, stores <paramref name="submission"/> for authority <paramref name="laCode"/> and year <paramref name="year"/>.</summary>
    /// <remarks>A return with no data rows never replaces a stored return unless <paramref name="allowEmpty"/> (error E025): nothing is lost by a file saved with headers only.</remarks>
    public static ImportResult Import(SqliteConnection conn, Submission submission, int laCode, int year, DateOnly today, bool allowEmpty = false)
    {
        // Every file is read once: both passes parse these bytes and the content hash is theirs.
        var bytes = SubmissionFiles.Load(submission);
        var contentHash = ContentHash(bytes.AsImportFiles());
        if (ChildReturnStore.CurrentContentHash(conn, laCode, year) == contentHash)
            return new ImportResult(new ValidationReport(submission, year, [], []), ImportOutcome.Unchanged, null);

        // The previous-year rules compare with the authority's stored return for the year before, when there is one.
        var report = SubmissionReader.Validate(bytes, year, today, PreviousReturns.FromStore(conn, laCode, year - 1));
        if (!report.Accepted) return new ImportResult(report, null, null);
        if (!allowEmpty && report.Files.All(f => f.Rows == 0) && ChildReturnStore.CurrentContentHash(conn, laCode, year) is not null)
        {
            var empty = new ValidationMessage(submission.Name, 0, 0, Severity.Error, Qp.Validate.Rules.FileRules.NoData.Code,
                $"the return has no data rows in any table and would replace the stored return of authority {laCode}, year {year} with nothing; give --allow-empty if that is meant");
            return new ImportResult(report with { Messages = [.. report.Messages, empty], Errors = report.Errors + 1 }, null, null);
        }
        var files = report.Files.Select(f => new ImportFile(Path.GetFileName(f.Path), bytes.Sha256Of(f.Path), f.Table, f.Rows)).ToArray();

        BetweenPasses?.Invoke(submission);
        using var writer = ChildReturnStore.BeginSubmission(conn, laCode, year, contentHash, files);
        // Pass 2 maps the same bytes again; messages were all reported in pass 1, so this context discards them.
        var ctx = new RuleContext(year, today, _ => { });
        SubmissionReader.Read(bytes, ctx, row =>
        {
            if (row.Table == Tables.Header) writer.Add(RowMapper.Header(row));
            else if (row.Table == Tables.Episodes) writer.Add(RowMapper.Episode(row));
            else if (row.Table == Tables.Oc1) writer.Add(RowMapper.Oc1(row));
            else if (row.Table == Tables.Oc2) writer.Add(RowMapper.Oc2(row));
            else if (row.Table == Tables.Cpr) writer.Add(RowMapper.Cpr(row));
            else writer.AddOther(row.Table.Name, RowMapper.Json(row));
        });
        long id = writer.Commit(report.Messages.Where(m => m.Severity == Severity.Warning));
        return new ImportResult(report, writer.Outcome, id);
    }

    /// <summary>A test hook run between the validating pass and the storing pass (to swap a file there).</summary>
    internal static Action<Submission>? BetweenPasses { get; set; }

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
