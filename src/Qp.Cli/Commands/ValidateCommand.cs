using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Qp.Domain.Text;
using Qp.Import.ChildLevel;
using Qp.Pipeline.Validating;
using Qp.Validate;

namespace Qp.Cli.Commands;

/// <summary>qp validate: parses the request, calls <see cref="ReturnsValidator"/> (which stores nothing) and prints the findings as text, JSON or CSV.</summary>
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
            var request = new ValidationRequest(parse.GetValue(paths)!, parse.GetValue(la), parse.GetValue(year), parse.GetValue(previous), parse.GetValue(every));
            // validate stores nothing: an existing store is opened read-only for last year's returns, and a missing one is not created.
            using var store = File.Exists(parse.GetValue(Cli.Db)!) ? Cli.OpenStoreReadOnly(parse, "qp import") : null;
            var run = ReturnsValidator.Validate(request, store, ReturnsValidator.Authorities(store, Templates.AuthoritiesCsv),
                Cli.ShowProgress ? s => Console.Error.Write($"\rvalidating {s.Name}…") : null);
            if (Cli.ShowProgress) Console.Error.Write("\r\x1b[K");
            foreach (var u in run.Refused) Console.Out.WriteLine(u);
            bool several = run.Returns.Count > 1;
            switch (parse.GetValue(format))
            {
                case "json": WriteJson(run.Returns); break;
                case "csv": WriteCsv(run.Returns.Select(r => r.Report), several); break;
                default: WriteText(run.Returns, several); break;
            }
            return run.Accepted ? ExitCode.Success : ExitCode.Rejected;
        });
    }

    // Compiler-style lines; a finding that may follow from an earlier one about the same child (a value found invalid that it reads) is indented under it.
    private static void WriteText(IEnumerable<ReturnValidation> reports, bool several)
    {
        foreach (var (_, r, notRun) in reports)
        {
            foreach (var g in FindingGroups.Group(r.Messages, r.Year))
            {
                Console.Out.WriteLine(Printed.Located(r.Submission, g.Cause, several, markOwn: true));
                foreach (var k in g.KnockOns) Console.Out.WriteLine($"    ↳ {Printed.Located(r.Submission, k, several, markOwn: true)}");
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

    private static void WriteJson(IEnumerable<ReturnValidation> reports)
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
