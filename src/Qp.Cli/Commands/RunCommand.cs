using System.CommandLine;
using Qp.Domain;
using Qp.Import.Reference;
using Qp.Sample;

namespace Qp.Cli.Commands;

/// <summary>qp run --sample: the whole pipeline on generated sample data, composed from the other commands so it behaves exactly as they do.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var cmd = new Command("run", "Run the whole pipeline on generated sample data: sample → import → compute → reports → export");
        var sample = new Option<bool>("--sample") { Description = "Use generated sample returns (the only source run supports)", Required = true };
        var outOpt = new Option<string>("--out") { Description = "Folder for the sample returns, the store (qp.db) and every output", Required = true };
        var years = new Option<string>("--years") { Description = "Collection years to generate, e.g. 1998-2004", DefaultValueFactory = _ => "1998-2004" };
        var scale = new Option<string>("--scale") { Description = "england (real cohort sizes, so most figures of a typical authority are published; the default) or small (a tenth, for quick trials: most small figures are then withheld)", DefaultValueFactory = _ => "england" };
        var seed = new Option<int>("--seed") { Description = "Generator seed", DefaultValueFactory = _ => 1 };
        var las = new Option<string?>("--la") { Description = "Only these authorities, e.g. 805,806 (default: every authority)" };
        cmd.Options.Add(sample);
        cmd.Options.Add(las);
        cmd.Options.Add(outOpt);
        cmd.Options.Add(years);
        cmd.Options.Add(scale);
        cmd.Options.Add(seed);
        return cmd.WithAction(parse =>
        {
            if (!parse.GetValue(sample)) throw new UsageException("run needs --sample (it runs the pipeline on generated sample data)");
            var outDir = Path.GetFullPath(parse.GetValue(outOpt)!);
            var span = parse.GetValue(years)!;
            int lastYear = SampleCommand.ParseYears(span, "--years")[^1];
            Directory.CreateDirectory(outDir);
            var db = Path.Combine(outDir, "qp.db");
            foreach (var f in new[] { db, db + "-wal", db + "-shm" }) File.Delete(f);
            var data = Path.Combine(outDir, "sample");
            var shown = CollectionYear.Display(lastYear);

            string[] only = parse.GetValue(las) is { Length: > 0 } codes ? ["--la", codes] : [];
            Step("Generating sample returns", ["sample", "--out", data, "--years", span, "--scale", parse.GetValue(scale)!, "--seed", parse.GetValue(seed).ToString(System.Globalization.CultureInfo.InvariantCulture), .. only]);
            var neighbours = Path.Combine(data, "neighbours.csv");
            SyntheticNeighbours.Write(neighbours, AuthoritiesFile.Read(Templates.AuthoritiesCsv));
            Step("Importing statistical neighbours", "import", "--db", db, neighbours);
            // The sample's SYNTHETIC postcode directory and provider list fit its returns, so the DfE's reference-data rules run at import.
            var reference = Path.Combine(data, SampleReference.Folder);
            if (Directory.Exists(reference))
                Step("Importing the sample's SYNTHETIC reference data", ["import", "--db", db, Path.Combine(reference, SampleReference.PostcodesFile), Path.Combine(reference, SampleReference.ProvidersFile)]);
            foreach (var aggregate in Directory.EnumerateFiles(data, "aggregate_*.csv").Order(StringComparer.Ordinal))
                Step("Importing aggregate returns", "import", "--db", db, aggregate);
            Step("Importing child-level returns", "import", "--db", db, data);
            var imported = ImportCommand.LastTotals;
            Step("Computing indicators", "compute", "--db", db);
            Step("Deriving the A1 target from 1995-97", "targets", "derive", "--db", db, "--indicator", "A1", "--from", "1995", "--to", "1997");
            Step($"Excel workbook {shown}", "report", "excel", "--db", db, "--year", $"{lastYear}", "--out", Path.Combine(outDir, $"qp-comparison-{lastYear}.xlsx"));
            Step($"Published Excel workbook {shown}", "report", "excel", "--db", db, "--year", $"{lastYear}", "--publish", "--out", Path.Combine(outDir, $"qp-comparison-{lastYear}-published.xlsx"));
            Step($"National overview {shown}", "report", "pdf", "--db", db, "--year", $"{lastYear}", "--national", "--publish", "--out", Path.Combine(outDir, $"national-{lastYear}.pdf"));
            Step($"Councillor packs {shown}", "report", "pdf", "--db", db, "--year", $"{lastYear}", "--all", "--publish", "--out", Path.Combine(outDir, "packs"));
            Step($"Export to central government {shown}", "export", "--db", db, "--year", $"{lastYear}", "--out", Path.Combine(outDir, $"export-{lastYear}.csv"));
            Step($"Published EES export {shown}", "export", "--db", db, "--year", $"{lastYear}", "--format", "ees", "--publish", "--out", Path.Combine(outDir, $"export-{lastYear}-ees.csv"));
            Console.WriteLine($"run: {imported?.Accepted ?? 0} returns accepted, {imported?.Rejected ?? 0} rejected, {imported?.Unchanged ?? 0} unchanged; " +
                              $"{imported?.Warnings ?? 0} warning(s); outputs in {outDir}");
            return ExitCode.Success;
        });
    }

    private static void Step(string title, params string[] args)
    {
        Console.WriteLine($"== {title}: qp {string.Join(' ', args)}");
        int code = QpApp.Run(args);
        if (code != ExitCode.Success)
            throw new StepFailedException(code, $"run stopped: '{title}' exited with code {code}");
    }
}

/// <summary>A pipeline step failed; its own messages are already printed, and its exit code is passed on.</summary>
public sealed class StepFailedException(int exitCode, string message) : Exception(message)
{
    /// <summary>The failed step's exit code.</summary>
    public int ExitCode { get; } = exitCode;
}
