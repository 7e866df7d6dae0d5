using Qp.Domain.Validation;
using Qp.Validate;
using Qp.Validate.Rules;

namespace Qp.Import.ChildLevel;

/// <summary>Streams every row of a submission, whatever its format, reporting file-level problems through the rule context.</summary>
public static class SubmissionReader
{
    /// <summary>Reads <paramref name="submission"/> from disk once (see <see cref="SubmissionFiles"/>) and streams its rows.</summary>
    public static IReadOnlyList<FileTable> Read(Submission submission, RuleContext ctx, Action<SourceRow> onRow) =>
        Read(SubmissionFiles.Load(submission), ctx, onRow);

    /// <summary>Streams every row of the files read into <paramref name="files"/>, calling <paramref name="onRow"/> for each; returns what was read from each file.</summary>
    public static IReadOnlyList<FileTable> Read(SubmissionFiles files, RuleContext ctx, Action<SourceRow> onRow)
    {
        var seen = new HashSet<TableSchema>();
        var read = new List<FileTable>();
        foreach (var name in files.Ignored)
            ctx.Report(FileRules.IgnoredFile, new Location(name, 0, 0), "not a .csv file; it is ignored");
        foreach (var f in files.Files)
        {
            if (f.Input is not { } input)
            {
                // Never read: a pipe would wait forever, a device never end, a file past its cap fill memory.
                ctx.Report(f.TooLarge ? FileRules.InputLimit : FileRules.NotRegularFile, new Location(Path.GetFileName(f.Path), 0, 0), f.Refusal!);
                read.Add(new FileTable(f.Path, null, 0));
                continue;
            }
            switch (files.Submission.Format)
            {
                case SubmissionFormat.Xml:
                    read.AddRange(XmlReturnReader.Read(input, ctx, onRow));
                    break;
                case SubmissionFormat.Workbook:
                    read.AddRange(WorkbookReader.Read(input, ctx, seen, onRow));
                    break;
                default:
                    read.Add(CsvTableReader.Read(input, ctx, seen, onRow));
                    break;
            }
        }
        var tables = read.Select(f => f.Table).ToHashSet();
        foreach (var required in new[] { Tables.Header, Tables.Episodes })
            if (!tables.Contains(required.Name))
                ctx.Report(FileRules.RequiredTableMissing, new Location(files.Submission.Name, 0, 0), $"the submission has no {required.Name} table");
        return read;
    }

    /// <summary>
    /// Validates <paramref name="submission"/> for collection year <paramref name="year"/>: every problem, sorted by file and line;
    /// with the authority's <paramref name="previous"/> return, the previous-year rules run too. Messages past the per-rule and per-file
    /// caps of <see cref="MessageLog"/> are only counted unless <paramref name="everyMessage"/> is set.
    /// </summary>
    public static ValidationReport Validate(Submission submission, int year, DateOnly today, PreviousReturn? previous = null, bool everyMessage = false) =>
        Validate(SubmissionFiles.Load(submission), year, today, previous, everyMessage);

    /// <summary>As <see cref="Validate(Submission, int, DateOnly, PreviousReturn?, bool)"/>, for files already read.</summary>
    public static ValidationReport Validate(SubmissionFiles submissionFiles, int year, DateOnly today, PreviousReturn? previous = null, bool everyMessage = false)
    {
        var submission = submissionFiles.Submission;
        var log = new MessageLog(capped: !everyMessage);
        var ctx = new RuleContext(year, today, log.Add) { Previous = previous };
        var validator = new Validator(ctx);
        var files = Read(submissionFiles, ctx, validator.Accept);
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

    private static readonly HashSet<string> Unreadable =
        [FileRules.Malformed.Code, FileRules.XmlDtd.Code, FileRules.NotRegularFile.Code, FileRules.InputLimit.Code, FileRules.NotUtf8.Code];

    /// <summary>
    /// A return on disk (any format) as validation facts: its kept tables' rows. Its episodes are the only history known unless
    /// <paramref name="historyFrom"/> names an earlier first year and <paramref name="earlierInCare"/> the children looked after before
    /// it (see <see cref="PreviousReturn.HistoryFrom"/>, <see cref="PreviousReturn.EarlierInCare"/>). A previous year that
    /// cannot be read (not a regular file, past a cap, not well-formed) is never taken as an empty year: <see cref="InvalidDataException"/>
    /// gives its first file-level errors.
    /// </summary>
    public static PreviousReturn FromFiles(Submission submission, int year, int? historyFrom = null, IReadOnlySet<string>? earlierInCare = null)
    {
        var rows = new List<PreviousRow>();
        var errors = new List<ValidationMessage>();
        // Only a file that could not be read makes the year unreadable; a missing table or its own data errors are the previous year's business.
        var ctx = new RuleContext(year, DateOnly.MaxValue, m =>
        {
            if (Unreadable.Contains(m.Code) && errors.Count < 5) errors.Add(m);
        });
        SubmissionReader.Read(submission, ctx, row =>
        {
            if (row.Child is not null && PreviousReturn.KeptTables.Contains(row.Table.Name)) rows.Add(PreviousRow.From(row));
        });
        if (errors.Count > 0)
            throw new InvalidDataException($"the previous year's return {submission.Name} cannot be read, so the previous-year rules cannot run: " + string.Join("; ", errors));
        return PreviousReturn.FromRows(year, rows, earlierInCare, historyFrom);
    }
}
