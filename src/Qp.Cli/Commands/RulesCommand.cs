using System.CommandLine;
using CsvHelper;
using Qp.Domain;
using Qp.Domain.Validation;
using Qp.Validate;

namespace Qp.Cli.Commands;

/// <summary>qp rules: lists the validation rule catalogue, or the rules in force in one collection year.</summary>
public static class RulesCommand
{
    public static Command Create()
    {
        var cmd = new Command("rules", "List the validation rules: code, severity, DfE code, years in force, table, fields and what each requires");
        var format = new Option<string>("--format") { Description = "text or csv", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "csv");
        var year = CliOptions.OptionalYear("--year", "Only the rules in force in this collection year, 2026 or 2025-26");
        cmd.Options.Add(format);
        cmd.Options.Add(year);
        return cmd.WithAction(parse =>
        {
            var y = parse.GetValue(year);
            var rules = y is { } yy ? RuleRegistry.InForce(yy).All : RuleRegistry.All;
            if (parse.GetValue(format) == "csv")
            {
                using var w = CsvWriter.Create(Console.Out, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true);
                w.WriteRecord(["code", "severity", "dfe_code", "years", "table", "fields", "description"]);
                foreach (var r in rules)
                    w.WriteRecord([r.Code, r.Severity.ToString().ToLowerInvariant(), r.DfeCode ?? "", r.Years.ToString(), r.Table, string.Join(" ", r.Fields), r.Description]);
                return ExitCode.Success;
            }
            int cw = rules.Max(r => r.Code.Length);
            int dw = Math.Max(3, rules.Max(r => r.DfeCode?.Length ?? 0));
            int tw = rules.Max(r => r.Table.Length);
            foreach (var r in rules)
                Console.Out.WriteLine($"{r.Code.PadRight(cw)}  {(r.Severity == Severity.Error ? "error  " : "warning")}  {(r.DfeCode ?? "-").PadRight(dw)}  " +
                                      $"{r.Table.PadRight(tw)}  {r.Description}{(r.Years == YearsInForce.Always ? "" : $" [{r.Years}]")}");
            string scope = y is { } sy ? $" in force in {CollectionYear.Display(sy)}" : "";
            Console.Out.WriteLine($"{rules.Count} rules{scope} ({rules.Count(r => r.Severity == Severity.Error)} errors, " +
                                  $"{rules.Count(r => r.Severity == Severity.Warning)} warnings; {rules.Count(r => r.DfeCode is not null)} with a DfE code). " +
                                  "Errors reject a return; warnings are reported and stored.");
            return ExitCode.Success;
        });
    }
}
