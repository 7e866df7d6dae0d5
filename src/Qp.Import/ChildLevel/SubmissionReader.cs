using Qp.Domain.Validation;
using Qp.Validate;
using Qp.Validate.Rules;

namespace Qp.Import.ChildLevel;

/// <summary>Streams every row of a submission, whatever its format, reporting file-level problems through the rule context.</summary>
public static class SubmissionReader
{
    /// <summary>Reads <paramref name="submission"/>, calling <paramref name="onRow"/> for each data row; returns what was read from each file.</summary>
    public static IReadOnlyList<FileTable> Read(Submission submission, RuleContext ctx, Action<SourceRow> onRow)
    {
        var seen = new HashSet<TableSchema>();
        var files = new List<FileTable>();
        if (submission.Format != SubmissionFormat.CsvFolder && Qp.Store.LocalFile.NotARegularFile(submission.Path) is { } why)
        {
            ctx.Report(FileRules.NotRegularFile, new Location(submission.Name, 0, 0), why);
            return [new FileTable(submission.Path, null, 0)];
        }
        switch (submission.Format)
        {
            case SubmissionFormat.Xml:
                files.AddRange(XmlReturnReader.Read(submission.Path, ctx, onRow));
                break;
            case SubmissionFormat.Workbook:
                files.AddRange(WorkbookReader.Read(submission.Path, ctx, seen, onRow));
                break;
            default:
                foreach (var path in Directory.EnumerateFiles(submission.Path).Order(StringComparer.Ordinal))
                {
                    if (Path.GetFileName(path).StartsWith('.')) continue;
                    if (!path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                    {
                        if (Qp.Store.LocalFile.KindOf(path) is Qp.Store.FileKind.Pipe or Qp.Store.FileKind.Device) continue;
                        ctx.Report(FileRules.IgnoredFile, new Location(Path.GetFileName(path), 0, 0), "not a .csv file; it is ignored");
                        continue;
                    }
                    // A pipe would wait forever and a device never end: only regular files are read.
                    if (Qp.Store.LocalFile.NotARegularFile(path) is { } notFile)
                    {
                        ctx.Report(FileRules.NotRegularFile, new Location(Path.GetFileName(path), 0, 0), notFile);
                        files.Add(new FileTable(path, null, 0));
                        continue;
                    }
                    files.Add(CsvTableReader.Read(path, ctx, seen, onRow));
                }
                break;
        }
        var tables = files.Select(f => f.Table).ToHashSet();
        foreach (var required in new[] { Tables.Header, Tables.Episodes })
            if (!tables.Contains(required.Name))
                ctx.Report(FileRules.RequiredTableMissing, new Location(submission.Name, 0, 0), $"the submission has no {required.Name} table");
        return files;
    }

    /// <summary>
    /// Validates <paramref name="submission"/> for collection year <paramref name="year"/>: every problem, sorted by file and line;
    /// with the authority's <paramref name="previous"/> return, the previous-year rules run too. Messages past the per-rule and per-file
    /// caps of <see cref="MessageLog"/> are only counted unless <paramref name="everyMessage"/> is set.
    /// </summary>
    public static ValidationReport Validate(Submission submission, int year, DateOnly today, PreviousReturn? previous = null, bool everyMessage = false)
    {
        var log = new MessageLog(capped: !everyMessage);
        var ctx = new RuleContext(year, today, log.Add) { Previous = previous };
        var validator = new Validator(ctx);
        var files = Read(submission, ctx, validator.Accept);
        if (!ctx.Stopped) validator.Finish();
        return new ValidationReport(submission, year, files, log.Sorted) { Errors = log.Errors, Warnings = log.Warnings };
    }
}

/// <summary>The outcome of validating one submission.</summary>
/// <param name="Submission">What was validated.</param>
/// <param name="Year">The collection year it was checked against.</param>
/// <param name="Files">What was read from each file.</param>
/// <param name="Messages">Every finding, sorted by file, line and column.</param>
public sealed record ValidationReport(Submission Submission, int Year, IReadOnlyList<FileTable> Files, IReadOnlyList<ValidationMessage> Messages)
{
    /// <summary>Number of errors found, including those past the message caps that are only counted.</summary>
    public int Errors { get; init; } = Messages.Count(m => m.Severity == Severity.Error);

    /// <summary>Number of warnings found, including those past the message caps that are only counted.</summary>
    public int Warnings { get; init; } = Messages.Count(m => m.Severity == Severity.Warning);

    /// <summary>True when there is no error.</summary>
    public bool Accepted => Errors == 0;
}

/// <summary>Where the previous-year rules find last year's return: the store, or a return given on the command line.</summary>
public static class PreviousReturns
{
    /// <summary>
    /// The authority's stored return for <paramref name="year"/> as validation facts, or null when none is stored: the same facts as
    /// <see cref="FromFiles"/> gives for that return's files (episodes, and the kept tables' rows with values as a return writes them).
    /// </summary>
    public static PreviousReturn? FromStore(Microsoft.Data.Sqlite.SqliteConnection conn, int laCode, int year) =>
        Qp.Store.ChildReturnStore.FactsOf(conn, laCode, year, PreviousReturn.KeptColumns) is { } facts
            ? PreviousReturn.FromRows(year, facts.Rows.Select(r => new PreviousRow(KeptSchemas[r.Table], r.Child, r.Values)), facts.EarlierInCare, facts.HistoryFrom)
            : null;

    private static readonly Dictionary<string, TableSchema> KeptSchemas =
        PreviousReturn.KeptTables.ToDictionary(t => t, t => Tables.ByName(t)!, StringComparer.Ordinal);

    /// <summary>
    /// A return on disk (any format) as validation facts: its kept tables' rows; its own problems are not reported here. Its episodes are
    /// the only history known unless <paramref name="historyFrom"/> names an earlier first year (see <see cref="PreviousReturn.HistoryFrom"/>).
    /// </summary>
    public static PreviousReturn FromFiles(Submission submission, int year, int? historyFrom = null)
    {
        var rows = new List<PreviousRow>();
        var ctx = new RuleContext(year, DateOnly.MaxValue, _ => { });
        SubmissionReader.Read(submission, ctx, row =>
        {
            if (row.Child is not null && PreviousReturn.KeptTables.Contains(row.Table.Name)) rows.Add(PreviousRow.From(row));
        });
        return PreviousReturn.FromRows(year, rows, historyFrom: historyFrom);
    }
}
