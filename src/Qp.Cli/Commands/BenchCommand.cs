using System.CommandLine;
using System.Globalization;
using System.Text;
using Qp.Cli.Bench;

namespace Qp.Cli.Commands;

/// <summary>qp bench: times every pipeline stage on England-scale sample data beside the raw limits, at several sizes.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var cmd = new Command("bench", "Time each pipeline stage on generated England-scale data, beside the raw read and insert limits");
        var outOpt = new Option<string>("--out") { Description = "Working folder for generated data, stores and outputs", Required = true };
        var sizes = new Option<string>("--years") { Description = "Comma-separated numbers of collection years to run, e.g. 1,3,10, or none (only the DfE-rules benchmark)", DefaultValueFactory = _ => "1,3,10" };
        var from = new Option<int>("--from") { Description = "First collection year", DefaultValueFactory = _ => 1998 };
        var scale = new Option<string>("--scale") { Description = "small or england", DefaultValueFactory = _ => "england" };
        var seed = new Option<int>("--seed") { Description = "Generator seed", DefaultValueFactory = _ => 1 };
        var dfeYear = new Option<int>("--dfe-year")
        {
            Description = "Collection year (e.g. 2026 for 2025-26) of the DfE-rules benchmark: every authority validated with last year's return and the reference data stored; 0 to skip",
            DefaultValueFactory = _ => 2026,
        };
        var hostile = new Option<bool>("--hostile")
        {
            Description = "Also feed hostile inputs of up to 100 MB (zip and shared-string bombs, huge fields, deep XML, huge files) to qp import and report each one's peak memory and time",
        };
        var hostileQp = new Option<string?>("--hostile-qp") { Description = "The qp.dll the hostile inputs are given to (default: this one), e.g. an older build to compare" };
        cmd.Options.Add(hostile);
        cmd.Options.Add(hostileQp);
        cmd.Options.Add(outOpt);
        cmd.Options.Add(sizes);
        cmd.Options.Add(from);
        cmd.Options.Add(scale);
        cmd.Options.Add(seed);
        cmd.Options.Add(dfeYear);
        return cmd.WithAction(parse =>
        {
            var outDir = Path.GetFullPath(parse.GetValue(outOpt)!);
            var counts = parse.GetValue(sizes)!.Trim().Equals("none", StringComparison.OrdinalIgnoreCase) ? [] : parse.GetValue(sizes)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n is > 0 and <= 30 ? n
                    : throw new UsageException($"--years: '{s}' is not a number of years from 1 to 30")).ToList();
            Directory.CreateDirectory(outDir);
            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"# qp bench — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, scale {parse.GetValue(scale)}");
            int dfe = parse.GetValue(dfeYear);
            if (dfe != 0 && dfe is < Qp.Validate.Rules.Dfe.DfeTables.FirstYear + 1 or > 2100)
                throw new UsageException($"--dfe-year: {dfe} is not a collection year from {Qp.Validate.Rules.Dfe.DfeTables.FirstYear + 1} (the year before must be a DfE year too), or 0");
            foreach (int n in counts)
            {
                var table = RunSize(outDir, n, parse.GetValue(from), parse.GetValue(scale)!, parse.GetValue(seed));
                Console.Write(table);
                report.Append(table);
            }
            if (dfe != 0)
            {
                var table = RunDfe(outDir, dfe, parse.GetValue(scale)!, parse.GetValue(seed));
                Console.Write(table);
                report.Append(table);
            }
            if (parse.GetValue(hostile))
            {
                var dll = parse.GetValue(hostileQp) is { Length: > 0 } given ? Path.GetFullPath(given) : typeof(BenchCommand).Assembly.Location;
                if (!File.Exists(dll)) throw new UsageException($"--hostile-qp {dll}: no such file");
                var table = HostileInputs.Run(Path.Combine(outDir, "hostile"), dll);
                Console.Write(table);
                report.Append(table);
            }
            File.WriteAllText(Path.Combine(outDir, "bench.md"), report.ToString());
            Console.WriteLine($"Written {Path.Combine(outDir, "bench.md")}");
            return ExitCode.Success;
        });
    }

    private static string RunSize(string outDir, int years, int from, string scale, int seed)
    {
        int last = from + years - 1;
        var data = Path.Combine(outDir, $"data-{years}");
        var db = Path.Combine(outDir, $"bench-{years}.db");
        foreach (var f in new[] { db, db + "-wal", db + "-shm" }) File.Delete(f);
        if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        string I(int v) => v.ToString(CultureInfo.InvariantCulture);

        // Whole shape, as the recorded measurements: each return repeats the whole current period of care.
        var stages = new List<StageTiming> { StageRunner.Run("generate", 0, "sample", "--out", data, "--years", $"{I(from)}-{I(last)}", "--scale", scale, "--seed", I(seed), "--shape", "whole") };
        var (rows, readSeconds) = RawLimits.Read(data);
        var rawRead = new StageTiming("raw read (CsvHelper, no validation)", rows, readSeconds, null);
        var (inserted, insertSeconds) = RawLimits.Insert(data, Path.Combine(outDir, $"raw-{years}.db"));
        var rawInsert = new StageTiming("raw insert (prepared, one tx per submission)", inserted, insertSeconds, null);
        stages.Add(rawRead);
        stages.Add(rawInsert);
        var validate = StageRunner.Run("read + validate", rows, "validate", "--db", db, data);
        var import = StageRunner.Run("import (read + validate + store)", rows, "import", "--db", db, data);
        stages.Add(validate);
        stages.Add(import);
        stages.Add(new StageTiming("store (import − validate)", rows, Math.Max(0, import.Seconds - validate.Seconds), null));
        var compute = StageRunner.Run("compute", 0, "compute", "--db", db);
        var excel = StageRunner.Run("Excel workbook", 0, "report", "excel", "--db", db, "--year", I(last), "--out", Path.Combine(outDir, $"bench-{years}.xlsx"));
        var pdf = StageRunner.Run("all PDF packs for a year", 0, "report", "pdf", "--db", db, "--year", I(last), "--all", "--out", Path.Combine(outDir, $"packs-{years}"));
        // Every statement of the packs and the workbook read back and checked against the store; a false one stops the bench.
        var claims = StageRunner.Run("claims checker (packs and workbook)", 0, "claims", "--db", db, "--year", I(last),
            Path.Combine(outDir, $"packs-{years}"), Path.Combine(outDir, $"bench-{years}.xlsx"));
        stages.Add(compute);
        stages.Add(excel);
        stages.Add(pdf);
        stages.Add(claims);

        var sb = Tables($"{years} year(s): {from}–{last}, {rows:N0} rows", stages);
        double ratio = import.Seconds / (rawRead.Seconds + rawInsert.Seconds);
        double peakMax = stages.Max(s => s.PeakMb ?? 0);
        Target(sb, "import within 2× of raw read + raw insert", $"{ratio:F2}×", ratio <= 2);
        Target(sb, $"compute for {years} England-year(s) under 5 s", $"{compute.Seconds:F2} s", compute.Seconds < 5);
        Target(sb, "peak memory under 1 GB", $"{peakMax:F0} MB", peakMax < 1024);
        Target(sb, "Excel under 5 s", $"{excel.Seconds:F2} s", excel.Seconds < 5);
        Target(sb, "all PDF packs for a year under 30 s", $"{pdf.Seconds:F2} s", pdf.Seconds < 30);
        return sb.ToString();
    }

    // The DfE's rule set on every authority's return of one year, with last year's returns and the reference data in the store.
    private static string RunDfe(string outDir, int year, string scale, int seed)
    {
        string I(int v) => v.ToString(CultureInfo.InvariantCulture);
        var data = Path.Combine(outDir, $"dfe-{I(year)}");
        var last = data + "-last-year";
        var reference = data + "-reference";
        var db = Path.Combine(outDir, $"dfe-{I(year)}.db");
        foreach (var f in new[] { db, db + "-wal", db + "-shm" }) File.Delete(f);
        foreach (var d in new[] { data, last, reference })
            if (Directory.Exists(d)) Directory.Delete(d, recursive: true);

        var stages = new List<StageTiming>
        {
            StageRunner.Run("generate (this year and last)", 0, "sample", "--out", data, "--years", $"{I(year - 1)}-{I(year)}", "--scale", scale, "--seed", I(seed), "--aggregate-years", "none"),
        };
        // Last year's returns and the SYNTHETIC reference files go to the store; this year's stay to be validated.
        Directory.CreateDirectory(last);
        foreach (var d in Directory.GetDirectories(data, $"*_{I(year - 1)}")) Directory.Move(d, Path.Combine(last, Path.GetFileName(d)));
        Directory.Move(Path.Combine(data, SampleReference.Folder), reference);
        var (rows, _) = RawLimits.Read(data);
        stages.Add(StageRunner.Run($"import last year ({Label(year - 1)})", 0, "import", "--db", db, last));
        stages.Add(StageRunner.Run("import reference data (SYNTHETIC)", 0, ["import", "--db", db, .. Directory.GetFiles(reference, "*.csv").Order(StringComparer.Ordinal)]));
        var bare = StageRunner.Run("validate: rules alone (no store)", rows, rejectedIsResult: true, "validate", data);
        var full = StageRunner.Run("validate: with last year and the reference data", rows, rejectedIsResult: true, "validate", "--db", db, data);
        stages.Add(bare);
        stages.Add(full);

        var sb = Tables($"DfE rules: {Label(year)}, every authority, {rows:N0} rows", stages);
        Target(sb, "every DfE rule on every authority's return, with last year and the reference data, under 5 s", $"{full.Seconds:F2} s", full.Seconds < 5);
        Target(sb, "… and under 200 MB", $"{full.PeakMb:F0} MB", full.PeakMb < 200);
        return sb.ToString();
    }

    // A section: its title, the stages' table, and the head of the targets' table that follows.
    private static StringBuilder Tables(FormattableString title, IEnumerable<StageTiming> stages)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"\n## {title.ToString(CultureInfo.InvariantCulture)}\n");
        sb.AppendLine("| stage | rows | seconds | rows/s | peak MB |");
        sb.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var s in stages)
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Name} | {(s.Rows > 0 ? s.Rows.ToString("N0", CultureInfo.InvariantCulture) : "")} | {s.Seconds:F2} | {(s.RowsPerSecond is { } r ? r.ToString("N0", CultureInfo.InvariantCulture) : "")} | {(s.PeakMb is { } p ? p.ToString("F0", CultureInfo.InvariantCulture) : "")} |");
        sb.AppendLine();
        sb.AppendLine("| target | measured | holds |");
        sb.AppendLine("|---|---:|:---:|");
        return sb;
    }

    // A collection year as the DfE writes it: 2026 is 2025-26.
    private static string Label(int year) => string.Create(CultureInfo.InvariantCulture, $"{year - 1}-{year % 100:00}");

    private static void Target(StringBuilder sb, string name, string measured, bool holds) =>
        sb.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {measured} | {(holds ? "yes" : "NO")} |");
}
