using System.CommandLine;
using System.Globalization;
using CsvHelper;
using Qp.Domain;
using Qp.Domain.Disclosure;
using Qp.Import.Reference;
using Qp.Store;

namespace Qp.Cli.Commands;

/// <summary>qp disclosure: what the published edition of a year withholds, per indicator and reason, for a statistician to sign off.</summary>
public static class DisclosureCommand
{
    private static readonly (SuppressionReason Reason, string Heading)[] Columns =
    [
        (SuppressionReason.SmallNumerator, "numerator 1-5"),
        (SuppressionReason.SmallDenominator, "denominator <10"),
        (SuppressionReason.Change, "change"),
        (SuppressionReason.Trend, "trend"),
        (SuppressionReason.TinyDenominator, "denominator 1-2"),
        (SuppressionReason.TargetBaseline, "target (baseline)"),
        (SuppressionReason.RegionTotal, "region totals"),
        (SuppressionReason.EnglandTotal, "England"),
    ];

    public static Command Create()
    {
        var cmd = new Command("disclosure", "Report what the published edition of a year withholds: per indicator, cells suppressed primarily and secondarily, and why");
        var year = CliOptions.Year("--year", "Collection year of the edition, 2001 or 2000-01");
        var format = new Option<string>("--format") { Description = "text or csv", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "csv");
        cmd.Options.Add(year);
        cmd.Options.Add(format);
        cmd.Options.Add(Cli.Db);
        return cmd.WithAction(parse =>
        {
            var y = parse.GetValue(year);
            using var conn = Cli.OpenStoreReadOnly(parse, "qp import and qp compute");
            var data = ReportData.Load(conn, IndicatorCatalogueFile.ReadFolder(Templates.IndicatorsFolder));
            if (!data.Years.Contains(y))
                throw new UsageException(data.Years.Count == 0
                    ? "the store holds no computed results; run 'qp compute' first"
                    : $"no results for {CollectionYear.Display(y)} ({y}); years with results: {string.Join(", ", data.Years)}");
            var edition = data.ForEdition(publish: true).Disclosure!;
            var counts = edition.Suppressions.Where(s => s.Year == y).ToList();
            if (parse.GetValue(format) == "csv") WriteCsv(counts);
            else WriteText(data, edition, counts, y);
            return ExitCode.Success;
        });
    }

    private static void WriteCsv(IReadOnlyList<SuppressionCount> counts)
    {
        using var w = CsvWriter.Create(Console.Out, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true);
        w.WriteRecord(["indicator", "year", "kind", "reason", "cells"]);
        foreach (var c in counts)
            w.WriteRecord([c.Indicator, c.Year.ToString(CultureInfo.InvariantCulture), c.Secondary ? "secondary" : "primary", Name(c.Reason), c.Cells.ToString(CultureInfo.InvariantCulture)]);
    }

    private static void WriteText(ReportData data, Edition edition, IReadOnlyList<SuppressionCount> counts, int year)
    {
        var o = Console.Out;
        o.WriteLine($"Disclosure control of the published edition {CollectionYear.Display(year)}: cells shown as 'c'");
        o.WriteLine();
        var headings = new List<string> { "indicator", "results" };
        headings.AddRange(Columns.Select(c => c.Heading));
        var rows = new List<string[]>();
        foreach (var def in data.Catalogue)
        {
            int results = data.Results.Count(r => r.Indicator == def.Id && r.Year == year);
            rows.Add([def.Id, results.ToString(CultureInfo.InvariantCulture),
                .. Columns.Select(c => counts.Where(x => x.Indicator == def.Id && x.Reason == c.Reason).Sum(x => x.Cells).ToString(CultureInfo.InvariantCulture))]);
        }
        var widths = headings.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        o.WriteLine(string.Join("  ", headings.Select((h, i) => i == 0 ? h.PadRight(widths[i]) : h.PadLeft(widths[i]))));
        foreach (var r in rows) o.WriteLine(string.Join("  ", r.Select((v, i) => i == 0 ? v.PadRight(widths[i]) : v.PadLeft(widths[i]))));
        int primary = counts.Where(c => !c.Secondary).Sum(c => c.Cells), secondary = counts.Where(c => c.Secondary).Sum(c => c.Cells);
        o.WriteLine();
        o.WriteLine($"{primary} cells withheld by the primary rules, {secondary} by secondary suppression. Every published output of this edition (packs, workbook, --publish exports) follows this one decision.");
        o.WriteLine("Primary (numerator 1-5, denominator <10): each hidden numerator hides its percentage, interval, rank, bands, comparison with England and target status with it.");
        o.WriteLine("Secondary, by reason: change = a change from the year before where either year is hidden; trend = a five-year trend with a hidden year;");
        o.WriteLine("denominator 1-2 = a denominator of 1 or 2 beside a hidden numerator, which would leave it fewer than three possible values;");
        o.WriteLine("target (baseline) = a target set from a hidden baseline year, with its status and distance; region totals / England = a total withheld");
        o.WriteLine("because, beside the counts shown, it would leave a hidden count fewer than three possible values.");
        o.WriteLine();
        o.WriteLine("Method:");
        foreach (var rule in DisclosureControl.Rules) o.WriteLine("  - " + rule);
    }

    private static string Name(SuppressionReason reason) => Qp.Export.ExportManifest.ReasonName(reason);
}
