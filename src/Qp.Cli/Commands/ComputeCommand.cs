using System.CommandLine;
using Qp.Compute;
using Qp.Domain;
using Qp.Domain.Indicators;
using Qp.Import.Reference;
using Qp.Store;

namespace Qp.Cli.Commands;

/// <summary>qp compute: computes and stores every indicator's results from the child-level, aggregate and published figures in the store.</summary>
public static class ComputeCommand
{
    public static Command Create()
    {
        var cmd = new Command("compute",
            "Compute every indicator for every authority and year in the store (value, Wilson intervals, England, quartiles, bands, rank, " +
            "comparators, trend, targets) and store the results that reports read");
        var yearOpt = CliOptions.OptionalYear("--year", "Recompute only this collection year (2001 or 2000-01); other years' results are kept");
        cmd.Options.Add(yearOpt);
        cmd.Options.Add(Cli.Db);
        return cmd.WithAction(parse =>
        {
            int? year = parse.GetValue(yearOpt);
            if (year is { } y && y is < 1990 or > 2100) throw new UsageException($"--year {y} is not a collection year (e.g. 2001)");
            var catalogue = IndicatorCatalogueFile.ReadFolder(Templates.IndicatorsFolder);
            // Not created here: an empty new store has nothing to compute.
            var db = Cli.StorePath(parse);
            if (!File.Exists(db)) throw new UsageException($"no store at {db}: run qp import RETURNS first (or give --db)");
            using var conn = Cli.OpenStore(parse);
            var engine = new IndicatorEngine(catalogue, ChildLevelIndicators.All);
            Action<int, int>? progress = Cli.ShowProgress ? (done, total) => Console.Error.Write($"\rcounting submissions {done}/{total}") : null;
            var summary = engine.Run(conn, year, progress);
            if (progress is not null && summary.Submissions > 0) Console.Error.WriteLine();
            if (summary.Results == 0)
                throw new UsageException(year is { } only
                    ? $"nothing to compute for {CollectionYear.Display(only)} ({only}): the store {db} holds no returns or figures for that year; run qp import RETURNS first"
                    : $"nothing to compute: the store {db} holds no returns or figures; run qp import RETURNS first");
            foreach (var n in summary.National)
            {
                string published = n.PublishedValue is { } p ? $"; published {p:0.0}%" : "";
                string spread = n.Q1 is { } q1 ? $"; quartiles {q1:0.0} / {n.Median:0.0} / {n.Q3:0.0}" : "";
                string england = n.Value is { } v ? $"England {v:0.0}% ({n.Numerator:N0} / {n.Denominator:N0}, {n.Authorities} authorities)" : "no authority figures";
                Console.WriteLine($"{n.Indicator,-4} {CollectionYear.Display(n.Year)}: {england}{published}{spread}");
            }
            Console.WriteLine($"compute: {summary.Results:N0} results for {summary.National.Count} indicator-years from {summary.Submissions} child-level submissions; " +
                              $"{summary.Warnings} counting warnings; {summary.Differences} child-level figures differ from imported ones; {summary.Elapsed.TotalSeconds:0.0} s");
            ReportDifferences(conn, year);
            return ExitCode.Success;
        });
    }

    // The officer needs to see each disagreement, not only how many there were: the aggregate figure may be the one sent to government.
    private static void ReportDifferences(Microsoft.Data.Sqlite.SqliteConnection conn, int? year)
    {
        const int shown = 20;
        var differences = SourceDifferencesStore.All(conn).Where(d => year is null || d.Year == year).ToList();
        if (differences.Count == 0) return;
        var names = AuthorityStore.Authorities(conn).ToDictionary(a => a.Code, a => a.Name);
        foreach (var d in differences.Take(shown))
        {
            string other = d.OtherNumerator is { } n && d.OtherDenominator is { } m ? $"{n}/{m}" : "a suppressed figure";
            Console.WriteLine($"  {d.Indicator} {CollectionYear.Display(d.Year)} {d.LaCode} {names.GetValueOrDefault(d.LaCode, "")}: " +
                              $"child-level {d.ChildNumerator}/{d.ChildDenominator} used; the {d.OtherSource} figure was {other}");
        }
        if (differences.Count > shown) Console.WriteLine($"  … and {differences.Count - shown} more (table source_differences)");
    }
}
