using System.CommandLine;
using System.Diagnostics;
using Qp.Import.Reference;
using Qp.Render.Pdf;
using Qp.Store;

namespace Qp.Cli.Commands;

/// <summary>qp report pdf: councillor packs for one authority, for every authority, or the national overview.</summary>
public static class ReportPdfCommand
{
    public static Command Create()
    {
        var cmd = new Command("pdf", "Render PDF councillor comparison packs from the stored results (A4, vector charts, embedded fonts)");
        var year = new Option<int>("--year") { Description = "The collection year, e.g. 2001 for 2000-01", Required = true };
        var la = new Option<int?>("--la") { Description = "One authority's three-digit code: write its pack to --out FILE.pdf" };
        var all = new Option<bool>("--all") { Description = "One pack per authority, written in parallel into the folder --out DIR" };
        var national = new Option<bool>("--national") { Description = "The national overview pack: England, quartiles, targets met, distributions" };
        var output = new Option<string>("--out") { Description = "FILE.pdf (--la, --national) or DIR (--all)", Required = true };
        var publish = new Option<bool>("--publish") { Description = "Apply disclosure control for publication (counts 1-5 and small groups shown as c)" };
        foreach (var o in new Option[] { year, la, all, national, output, publish }) cmd.Options.Add(o);

        return cmd.WithAction(parse =>
        {
            int chosen = (parse.GetValue(la) is null ? 0 : 1) + (parse.GetValue(all) ? 1 : 0) + (parse.GetValue(national) ? 1 : 0);
            if (chosen != 1) throw new UsageException("choose exactly one of --la CODE, --all or --national");
            var db = Path.GetFullPath(parse.GetValue(Cli.Db)!);
            if (!File.Exists(db)) throw new UsageException($"store not found: {db} (run qp import and qp compute first)");
            var outPath = Path.GetFullPath(parse.GetValue(output)!);
            Outputs.RefuseInputs(outPath, db);

            using var conn = Cli.OpenStore(parse);
            var catalogue = IndicatorCatalogueFile.ReadFolder(Templates.IndicatorsFolder);
            var data = ReportData.Load(conn, catalogue) with { Rules = PublishedRules.For(catalogue) };
            int y = parse.GetValue(year);
            if (!data.Years.Contains(y))
                throw new UsageException($"no results are stored for {y}; years with results: {(data.Years.Count == 0 ? "none (run qp compute)" : string.Join(", ", data.Years))}");
            var options = new PackOptions(y, parse.GetValue(publish), DateTimeOffset.Now);

            if (parse.GetValue(all))
            {
                if (File.Exists(outPath)) throw new UsageException($"--out {outPath} is a file; --all writes one pack per authority into a folder");
                Directory.CreateDirectory(outPath);
                var clock = Stopwatch.StartNew();
                int done = 0, total = data.Results.Where(r => r.Year == y).Select(r => r.LaCode).Distinct().Count();
                foreach (var a in data.Authorities.Values)
                    Outputs.RefuseInputs(Path.Combine(outPath, PdfPacks.FileNameFor(a)), db);
                var files = PdfPacks.WriteAllAuthorityPacks(data, options, outPath, () =>
                {
                    int n = Interlocked.Increment(ref done);
                    if (Cli.ShowProgress) Console.Error.Write($"\r  {n}/{total} packs");
                });
                if (Cli.ShowProgress) Console.Error.WriteLine();
                Console.WriteLine($"Wrote {files.Count} packs for {Domain.CollectionYear.Display(y)} to {outPath} in {clock.Elapsed.TotalSeconds:0.0} s" +
                                  (options.Publish ? " (disclosure control applied)" : ""));
                return ExitCode.Success;
            }

            if (Directory.Exists(outPath)) throw new UsageException($"--out {outPath} is a folder; give a file name such as pack.pdf");
            var parent = Path.GetDirectoryName(outPath)!;
            if (!Directory.Exists(parent)) throw new UsageException($"folder not found: {parent}");
            if (parse.GetValue(la) is { } code)
            {
                if (!data.Authorities.ContainsKey(code)) throw new UsageException($"unknown authority code {code} (see templates/authorities.csv)");
                if (!data.Results.Any(r => r.Year == y && r.LaCode == code))
                    throw new UsageException($"no results are stored for authority {code} ({data.NameOf(code)}) in {y}");
                PdfPacks.WriteAtomically(outPath, s => PdfPacks.WriteAuthorityPack(data, code, options, s));
                Console.WriteLine($"Wrote the {data.NameOf(code)} pack for {Domain.CollectionYear.Display(y)} to {outPath}" +
                                  (options.Publish ? " (disclosure control applied)" : ""));
            }
            else
            {
                PdfPacks.WriteAtomically(outPath, s => PdfPacks.WriteNationalPack(data, options, s));
                Console.WriteLine($"Wrote the national overview for {Domain.CollectionYear.Display(y)} to {outPath}" +
                                  (options.Publish ? " (disclosure control applied)" : ""));
            }
            return ExitCode.Success;
        });
    }

}
