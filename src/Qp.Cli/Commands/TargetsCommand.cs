using System.CommandLine;
using Qp.Domain.Indicators;
using Qp.Domain.Statistics;
using Qp.Import.Reference;
using Qp.Store;

namespace Qp.Cli.Commands;

/// <summary>qp targets: how national targets were set.</summary>
public static class TargetsCommand
{
    public static Command Create()
    {
        var cmd = new Command("targets", "Targets: derive a target the way the Quality Protects targets were set");
        var derive = new Command("derive",
            "The top-quartile point of authority values (lower quartile when lower is better, upper when higher is better) " +
            "for each year, averaged over the years: how the 16% A1 target was set. Reads the stored results (run qp compute first)");
        var indicatorOpt = new Option<string>("--indicator") { Description = "The indicator, e.g. A1", Required = true };
        var fromOpt = CliOptions.Year("--from", "The first collection year, e.g. 1995 or 1994-95");
        var toOpt = CliOptions.Year("--to", "The last collection year, e.g. 1997 or 1996-97");
        derive.Options.Add(indicatorOpt);
        derive.Options.Add(fromOpt);
        derive.Options.Add(toOpt);
        derive.Options.Add(Cli.Db);
        cmd.Subcommands.Add(derive.WithAction(parse =>
        {
            string id = parse.GetValue(indicatorOpt)!.Trim().ToUpperInvariant();
            int from = parse.GetValue(fromOpt), to = parse.GetValue(toOpt);
            if (from > to) throw new UsageException($"--from {from} is after --to {to}");
            var catalogue = IndicatorCatalogueFile.ReadFolder(Templates.IndicatorsFolder);
            var definition = catalogue.FirstOrDefault(d => d.Id == id)
                ?? throw new UsageException($"unknown indicator '{id}'; the catalogue has {string.Join(", ", catalogue.Select(d => d.Id))}");
            using var conn = Cli.OpenStoreReadOnly(parse, "qp import and qp compute");
            var byYear = ResultsStore.All(conn).Where(r => r.Indicator == id && r.Year >= from && r.Year <= to && r.Value is not null)
                .GroupBy(r => r.Year).ToDictionary(g => g.Key, g => (IReadOnlyList<double>)g.Select(r => r.Value!.Value).ToList());
            var (points, average) = TargetDerivation.Derive(byYear, definition.Polarity);
            if (average is not { } avg)
                throw new UsageException($"no stored {id} results for {from}–{to}: import the figures for those years (e.g. a QP aggregate file) and run qp compute first");
            string quartile = definition.Polarity == Polarity.LowerIsBetter ? "lower quartile (lower is better)" : "upper quartile (higher is better)";
            foreach (var p in points) Console.WriteLine($"  {p.Year}: {p.Point:0.0}% — {quartile} of {p.Authorities} authorities");
            var missing = Enumerable.Range(from, to - from + 1).Except(points.Select(p => p.Year)).ToList();
            if (missing.Count > 0) Console.WriteLine($"  no results for {string.Join(", ", missing)}: left out of the average");
            Console.WriteLine($"{id} top-quartile point {from}–{to}: {string.Join(", ", points.Select(p => $"{p.Point:0.0}"))} → {avg:0.0}%");
            return ExitCode.Success;
        }));
        return cmd;
    }
}
