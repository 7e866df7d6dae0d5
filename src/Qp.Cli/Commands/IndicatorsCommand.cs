using System.CommandLine;
using CsvHelper;
using Qp.Domain;
using Qp.Domain.Indicators;
using Qp.Import.Reference;

namespace Qp.Cli.Commands;

/// <summary>qp indicators: lists the indicator catalogue (templates/indicators) as text or CSV.</summary>
public static class IndicatorsCommand
{
    public static Command Create()
    {
        var cmd = new Command("indicators", "List the indicator catalogue: id, title, polarity, targets and source tables");
        var format = new Option<string>("--format") { Description = "Output format: text or csv", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "csv");
        cmd.Options.Add(format);
        return cmd.WithAction(parse =>
        {
            var catalogue = IndicatorCatalogueFile.ReadFolder(Templates.IndicatorsFolder);
            if (parse.GetValue(format) == "csv") WriteCsv(catalogue, Console.Out);
            else WriteText(catalogue, Console.Out);
            return ExitCode.Success;
        });
    }

    /// <summary>One block per indicator, for a person reading the terminal.</summary>
    public static void WriteText(IReadOnlyList<IndicatorDefinition> catalogue, TextWriter o)
    {
        foreach (var d in catalogue)
        {
            o.WriteLine($"{d.Id,-4} {d.Title}");
            o.WriteLine($"     Polarity:      {Polarity(d.Polarity)} ({d.Unit})");
            o.WriteLine($"     Targets:       {Targets(d.Targets, "\n                    ")}");
            o.WriteLine($"     Source tables: {string.Join(", ", d.SourceTables)}");
            o.WriteLine($"     Numerator:     {d.Numerator}");
            o.WriteLine($"     Denominator:   {d.Denominator}");
            o.WriteLine();
        }
        o.WriteLine($"{catalogue.Count} indicators.");
    }

    /// <summary>One row per indicator; several targets or source tables are joined with "; ".</summary>
    public static void WriteCsv(IReadOnlyList<IndicatorDefinition> catalogue, TextWriter o)
    {
        using var csv = CsvWriter.Create(o, null, leaveOpen: true);
        csv.WriteHeader(["id", "title", "polarity", "unit", "targets", "source_tables", "numerator", "denominator"]);
        foreach (var d in catalogue)
        {
            csv.WriteRecord([d.Id, d.Title, Polarity(d.Polarity), d.Unit, Targets(d.Targets, "; "),
                string.Join("; ", d.SourceTables), d.Numerator, d.Denominator]);
        }
        csv.Flush();
    }

    private static string Polarity(Polarity p) => p == Domain.Indicators.Polarity.HigherIsBetter ? "higher is better" : "lower is better";

    private static string Targets(IReadOnlyList<Target> targets, string separator) =>
        targets.Count == 0 ? "none" : string.Join(separator, targets.Select(t => $"{t.Label} (from {CollectionYear.Display(t.FromYear)})"));
}
