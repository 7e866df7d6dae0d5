using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Qp.Import.Reference;
using Qp.Sample;

namespace Qp.Cli.Commands;

/// <summary>qp sample: generates synthetic SSDA903-style returns.</summary>
public static class SampleCommand
{
    public static Command Create()
    {
        var cmd = new Command("sample", "Generate deterministic synthetic child-level returns (OUT/<la>_<year>/*.csv) for every authority and year, plus an A1 aggregate file for earlier years");
        var outOpt = new Option<string>("--out") { Description = "Folder to write the returns into", Required = true };
        var yearsOpt = new Option<string>("--years") { Description = "Collection years, e.g. 1998-2004 or 2001", DefaultValueFactory = _ => "1998-2004" };
        var scaleOpt = new Option<string>("--scale") { Description = "small (about a tenth of England's volumes) or england (about 60,000 looked after at 31 March)", DefaultValueFactory = _ => "small" };
        var seedOpt = new Option<ulong>("--seed") { Description = "Random seed: the same seed gives byte-identical files", DefaultValueFactory = _ => 1UL };
        var laOpt = new Option<string?>("--la") { Description = "Only these authorities, e.g. 805,202 (default: all in templates/authorities.csv)" };
        var aggOpt = new Option<string>("--aggregate-years") { Description = "Years for the A1 aggregate file (QP aggregate layout), or 'none'", DefaultValueFactory = _ => "1995-1997" };
        var shapeOpt = new Option<string>("--shape") { Description = "real (each return holds the episodes open in its year, as the DfE's) or whole (each child's whole period of care)", DefaultValueFactory = _ => "real" };
        foreach (var o in new Option[] { outOpt, yearsOpt, scaleOpt, seedOpt, laOpt, aggOpt, shapeOpt }) cmd.Options.Add(o);
        return cmd.WithAction(parse =>
        {
            var years = ParseYears(parse.GetValue(yearsOpt)!, "--years");
            string aggText = parse.GetValue(aggOpt)!;
            var aggregateYears = aggText.Equals("none", StringComparison.OrdinalIgnoreCase) ? [] : ParseYears(aggText, "--aggregate-years");
            var scale = parse.GetValue(scaleOpt)!.ToLowerInvariant() switch
            {
                "small" => SampleScale.Small,
                "england" => SampleScale.England,
                var s => throw new UsageException($"--scale '{s}' is not known: use small or england"),
            };
            var shape = parse.GetValue(shapeOpt)!.ToLowerInvariant() switch
            {
                "whole" => SampleShape.Whole,
                "real" => SampleShape.Real,
                var s => throw new UsageException($"--shape '{s}' is not known: use real or whole"),
            };
            var authorities = AuthoritiesFile.Read(Templates.AuthoritiesCsv);
            if (parse.GetValue(laOpt) is { Length: > 0 } laText)
            {
                var wanted = new List<int>();
                foreach (var part in laText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int code) || authorities.All(a => a.Code != code))
                        throw new UsageException($"--la '{part}' is not an authority code in {Templates.AuthoritiesCsv}");
                    wanted.Add(code);
                }
                authorities = authorities.Where(a => wanted.Contains(a.Code)).ToList();
            }
            string outDir = parse.GetValue(outOpt)!;
            var options = new SampleOptions(years, scale, parse.GetValue(seedOpt), aggregateYears, shape);

            var clock = Stopwatch.StartNew();
            int done = 0;
            bool progress = Cli.ShowProgress;
            var result = SampleGenerator.Generate(outDir, authorities, options, _ =>
            {
                int n = Interlocked.Increment(ref done);
                if (progress) Console.Error.Write($"\rsample: {n}/{authorities.Count} authorities");
            });
            if (progress) Console.Error.WriteLine();
            var c = result.Counts;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {authorities.Count * years.Count} returns ({authorities.Count} authorities × {years.Count} years, {scale.ToString().ToLowerInvariant()} scale, {shape.ToString().ToLowerInvariant()} shape, seed {options.Seed}) to {outDir} in {clock.Elapsed.TotalSeconds:F1} s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  rows: Header {c.Headers:N0}, Episodes {c.Episodes:N0}, OC1 {c.Oc1:N0}, OC2 {c.Oc2:N0}, CPR {c.Cpr:N0}{(c.Other > 0 ? $", other DfE tables {c.Other:N0}" : "")}; {c.Files:N0} files, {result.Bytes / 1e6:F1} MB"));
            if (result.AggregateFile is not null) Console.WriteLine($"  aggregate: {result.AggregateFile}");
            // The DfE's URN and postcode rules (2022-23 on) need reference data: synthetic files matching these returns.
            foreach (var f in SampleReference.Write(outDir, authorities)) Console.WriteLine($"  SYNTHETIC reference data: {f}");
            return ExitCode.Success;
        });
    }

    /// <summary>Parses "Y" or "Y-Y" (inclusive, ascending) within the years the generator supports.</summary>
    internal static IReadOnlyList<int> ParseYears(string text, string option)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2 || !parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            throw new UsageException($"{option} '{text}' is not a year or a range like 1998-2004");
        int from = int.Parse(parts[0], CultureInfo.InvariantCulture), to = int.Parse(parts[^1], CultureInfo.InvariantCulture);
        if (from > to) throw new UsageException($"{option} '{text}' runs backwards: write the earlier year first");
        if (from < SampleGenerator.FirstYear || to > SampleGenerator.LastYear)
            throw new UsageException($"{option} '{text}' is outside the years the generator supports ({SampleGenerator.FirstYear}-{SampleGenerator.LastYear})");
        return Enumerable.Range(from, to - from + 1).ToList();
    }
}
