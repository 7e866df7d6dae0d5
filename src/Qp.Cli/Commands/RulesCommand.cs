using System.CommandLine;
using CsvHelper;
using Qp.Validate;

namespace Qp.Cli.Commands;

/// <summary>qp rules: lists the validation rule catalogue.</summary>
public static class RulesCommand
{
    public static Command Create()
    {
        var cmd = new Command("rules", "List the validation rules: code, severity, table, fields and what each requires");
        var format = new Option<string>("--format") { Description = "text or csv", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "csv");
        cmd.Options.Add(format);
        return cmd.WithAction(parse =>
        {
            var rules = RuleRegistry.All;
            if (parse.GetValue(format) == "csv")
            {
                using var w = CsvWriter.Create(Console.Out, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true);
                w.WriteRecord(["code", "severity", "table", "fields", "description"]);
                foreach (var r in rules) w.WriteRecord([r.Code, r.Severity.ToString().ToLowerInvariant(), r.Table, string.Join(" ", r.Fields), r.Description]);
                return ExitCode.Success;
            }
            int tw = rules.Max(r => r.Table.Length);
            foreach (var r in rules)
                Console.Out.WriteLine($"{r.Code}  {(r.Severity == Qp.Domain.Validation.Severity.Error ? "error  " : "warning")}  {r.Table.PadRight(tw)}  {r.Description}");
            Console.Out.WriteLine($"{rules.Count} rules ({rules.Count(r => r.Severity == Qp.Domain.Validation.Severity.Error)} errors, " +
                                  $"{rules.Count(r => r.Severity == Qp.Domain.Validation.Severity.Warning)} warnings). E### rejects a return; W### is reported and stored.");
            return ExitCode.Success;
        });
    }
}
