using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Qp.Domain.Text;
using Qp.Import.ChildLevel;
using Qp.Import.Reference;
using Qp.Validate;

namespace Qp.Cli.Commands;

/// <summary>qp validate: checks child-level returns against the rule catalogue without storing anything.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var cmd = new Command("validate", "Check child-level returns (CSV folder, .xlsx or .xml) and report every problem, compiler-style; exit 1 if any error");
        var paths = new Argument<string[]>("PATH") { Description = "Return folders or files, or a folder of NNN_YYYY returns", Arity = ArgumentArity.OneOrMore };
        var la = CliOptions.La("Authority code (default: from the NNN_YYYY name)");
        var year = CliOptions.OptionalYear("--year", "Collection year, 2001 or 2000-01 (default: from the NNN_YYYY name)");
        var format = new Option<string>("--format")
        {
            Description = "text (knock-on findings listed under their first cause), json, or csv (one row per finding, for a spreadsheet)",
            DefaultValueFactory = _ => "text",
        };
        var previous = new Option<string?>("--previous")
        {
            Description = "Last year's return of the same authority (folder, .xlsx or .xml) for the previous-year rules (default: the return stored in --db, if the store exists)",
        };
        var every = new Option<bool>("--all-messages")
        {
            Description = "Show every message: no cap of 100 per rule and 1,000 per file (reading a file still stops after 100,000 errors)",
        };
        format.AcceptOnlyFromAmong("text", "json", "csv");
        cmd.Arguments.Add(paths);
        cmd.Options.Add(la);
        cmd.Options.Add(year);
        cmd.Options.Add(format);
        cmd.Options.Add(previous);
        cmd.Options.Add(every);
        cmd.Options.Add(Cli.Db);
        return cmd.WithAction(parse =>
        {
            var given = parse.GetValue(paths)!;
            ChildLevelPaths.RefuseOverrideOfSeveral(given, parse.GetValue(la), parse.GetValue(year));
            var unreadable = given.Select(ChildLevelPaths.NotReadable).OfType<string>().ToList();
            foreach (var u in unreadable) Console.Out.WriteLine(u);
            var authorities = Authorities(parse);
            var submissions = given.Where(p => ChildLevelPaths.NotReadable(p) is null).SelectMany(ChildLevelPaths.Find).ToArray();
            var resolved = submissions.Select(s => (s, ChildLevelPaths.Resolve(s, parse.GetValue(la), parse.GetValue(year), authorities, laRequired: true))).ToArray();
            var reports = new List<(int? La, ValidationReport Report, string? NotRun)>();
            var previousPath = parse.GetValue(previous);
            if (previousPath is not null && !File.Exists(previousPath) && !Directory.Exists(previousPath)) throw new UsageException($"{previousPath}: no such file or folder");
            if (previousPath is not null && resolved.Length != 1) throw new UsageException("--previous needs exactly one return to validate");
            if (previousPath is not null && Submission.Find(previousPath).Count != 1) throw new UsageException($"{previousPath}: --previous must name exactly one return");
            // validate stores nothing: an existing store is opened read-only for last year's returns, and a missing one is not created.
            using var store = File.Exists(parse.GetValue(Cli.Db)!) ? Cli.OpenStoreReadOnly(parse, "qp import") : null;
            var reference = ReferenceSet.Load(store, lazy: true);
            foreach (var (s, (code, y)) in resolved)
            {
                if (Cli.ShowProgress) Console.Error.Write($"\rvalidating {s.Name}…");
                var last = previousPath is not null ? PreviousFromFiles(previousPath, y - 1)
                    : store is not null && code is { } la ? PreviousReturns.FromStore(store, la, y - 1) : null;
                using (reference.Use(code, authorities))
                    reports.Add((code, SubmissionReader.Validate(s, y, ChildLevelPaths.Today, last, parse.GetValue(every)),
                        RuleNeeds.NotRun(y, !PostcodeDirectory.Current.IsEmpty, !ProviderDirectory.Current.IsEmpty, last is not null)));
            }
            if (Cli.ShowProgress) Console.Error.Write("\r\x1b[K");
            switch (parse.GetValue(format))
            {
                case "json": WriteJson(reports); break;
                case "csv": WriteCsv(reports.Select(r => r.Report), submissions.Length > 1); break;
                default: WriteText(reports, submissions.Length > 1); break;
            }
            return reports.Any(r => !r.Report.Accepted) || unreadable.Count > 0 ? ExitCode.Rejected : ExitCode.Success;
        });
    }

    // A previous year that cannot be read rejects the validation: taking it as an empty year would hide every previous-year finding.
    private static PreviousReturn PreviousFromFiles(string path, int year)
    {
        try
        {
            return PreviousReturns.FromFiles(Submission.Find(path).Single(), year);
        }
        catch (InvalidDataException e)
        {
            throw new RejectedException($"--previous {path}: {e.Message}");
        }
    }

    // The store's authorities when --db names an existing store (opened read-only, never created); else the shipped table.
    private static IReadOnlyList<Qp.Domain.Authorities.Authority> Authorities(ParseResult parse)
    {
        var db = parse.GetValue(Cli.Db)!;
        if (!File.Exists(db)) return AuthoritiesFile.Read(Templates.AuthoritiesCsv);
        using var conn = Cli.OpenStoreReadOnly(parse, "qp import");
        var stored = Qp.Store.AuthorityStore.Authorities(conn);
        return stored.Count > 0 ? stored.ToList() : AuthoritiesFile.Read(Templates.AuthoritiesCsv);
    }

    // Compiler-style lines; a finding that may follow from an earlier one about the same child (a value found invalid that it reads) is indented under it.
    private static void WriteText(IEnumerable<(int? La, ValidationReport Report, string? NotRun)> reports, bool several)
    {
        foreach (var (_, r, notRun) in reports)
        {
            foreach (var g in FindingGroups.Group(r.Messages, r.Year))
            {
                Console.Out.WriteLine(ChildLevelPaths.Located(r.Submission, g.Cause, several, markOwn: true));
                foreach (var k in g.KnockOns) Console.Out.WriteLine($"    ↳ {ChildLevelPaths.Located(r.Submission, k, several, markOwn: true)}");
            }
            Console.Out.WriteLine($"{r.Submission.Name}: {r.Errors} error(s), {r.Warnings} warning(s){(r.Accepted ? "" : " — rejected")}");
            if (notRun is not null) Console.Out.WriteLine($"{r.Submission.Name}: {notRun}");
        }
    }

    // One row per finding for a spreadsheet; every text cell is neutralised so that no value from a return is read as a formula.
    private static void WriteCsv(IEnumerable<ValidationReport> reports, bool several)
    {
        using var w = CsvWriter.Create(Console.Out, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true);
        w.WriteRecord(["file", "row", "child", "field", "severity", "dfe code", "qp code", "message"]);
        foreach (var r in reports)
            foreach (var m in r.Messages)
            {
                // The DfE's codes are never E or W followed by digits, the tool's own always are.
                bool own = m.Own || m.Code is ['E' or 'W', >= '0' and <= '9', ..];
                string file = several && r.Submission.Format == SubmissionFormat.CsvFolder ? $"{r.Submission.Name}/{m.File}" : m.File;
                w.WriteRecord([.. new[] { file, m.Line.ToString(CultureInfo.InvariantCulture), m.Child, m.Field,
                    m.Severity == Qp.Domain.Validation.Severity.Error ? "error" : "warning", own ? "" : m.Code, own ? m.Code : "", m.Message }
                    .Select(v => SafeText.Neutralise(v) ?? "")]);
            }
    }

    private static void WriteJson(IEnumerable<(int? La, ValidationReport Report, string? NotRun)> reports)
    {
        var doc = reports.Select(x => new
        {
            submission = x.Report.Submission.Name,
            la = x.La,
            year = x.Report.Year,
            accepted = x.Report.Accepted,
            errors = x.Report.Errors,
            warnings = x.Report.Warnings,
            not_run = x.NotRun,
            messages = x.Report.Messages.Select(m => new
            {
                file = m.File, line = m.Line, column = m.Column,
                severity = m.Severity == Qp.Domain.Validation.Severity.Error ? "error" : "warning",
                code = m.Code, qp_own = m.Own, child = m.Child, field = m.Field, message = m.Message,
            }),
        });
        Console.Out.WriteLine(JsonSerializer.Serialize(new { submissions = doc }, new JsonSerializerOptions { WriteIndented = true }));
    }
}
