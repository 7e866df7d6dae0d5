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
        var year = CliOptions.Year("--year", "The collection year, e.g. 2001 or 2000-01");
        var la = CliOptions.La("One authority's three-digit code: write its pack to --out FILE.pdf");
        var all = new Option<bool>("--all") { Description = "One pack per authority, written in parallel into the folder --out DIR" };
        var national = new Option<bool>("--national") { Description = "The national overview pack: England, quartiles, targets met, distributions" };
        var output = new Option<string>("--out") { Description = "FILE.pdf (--la, --national) or DIR (--all)", Required = true };
        var publish = new Option<bool>("--publish") { Description = "Apply disclosure control for publication (counts 1-5 and small groups shown as c)" };
        foreach (var o in new Option[] { year, la, all, national, output, publish, Cli.Db }) cmd.Options.Add(o);

        return cmd.WithAction(parse =>
        {
            int chosen = (parse.GetValue(la) is null ? 0 : 1) + (parse.GetValue(all) ? 1 : 0) + (parse.GetValue(national) ? 1 : 0);
            if (chosen != 1) throw new UsageException("choose exactly one of --la CODE, --all or --national");
            var db = Path.GetFullPath(parse.GetValue(Cli.Db)!);
            var outPath = Outputs.FullPath(parse.GetValue(output));
            Outputs.RefuseInputs(outPath, db);

            using var conn = Cli.OpenStoreReadOnly(parse, "qp import and qp compute");
            var catalogue = IndicatorCatalogueFile.ReadFolder(Templates.IndicatorsFolder);
            var data = ReportData.Load(conn, catalogue) with { Rules = PublishedRules.For(catalogue) };
            int y = parse.GetValue(year);
            if (!data.Years.Contains(y))
                throw new UsageException(data.Years.Count == 0
                    ? $"the store {db} holds no computed results: run qp compute first"
                    : $"no results are stored for {Domain.CollectionYear.Display(y)} ({y}): run qp compute --year {y} first; years with results: {string.Join(", ", data.Years)}");
            var options = new PackOptions(y, parse.GetValue(publish), DateTimeOffset.Now);

            if (parse.GetValue(all))
            {
                if (File.Exists(outPath)) throw new UsageException($"--out {outPath} is a file; --all writes one pack per authority into a folder");
                var clock = Stopwatch.StartNew();
                int done = 0, total = data.Results.Where(r => r.Year == y).Select(r => r.LaCode).Distinct().Count();
                foreach (var a in data.Authorities.Values)
                    Outputs.RefuseInputs(Path.Combine(outPath, PdfPacks.FileNameFor(a)), db);
                var files = Outputs.Writing(outPath, () => PackFolder.Write(outPath, PackFolder.Packs, stage => PdfPacks.WriteAllAuthorityPacks(data, options, stage, () =>
                {
                    int n = Interlocked.Increment(ref done);
                    if (Cli.ShowProgress) Console.Error.Write($"\r  {n}/{total} packs");
                })));
                if (Cli.ShowProgress) Console.Error.WriteLine();
                Console.WriteLine($"Wrote {files} packs for {Domain.CollectionYear.Display(y)} to {outPath} in {clock.Elapsed.TotalSeconds:0.0} s" +
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
                Outputs.Writing(outPath, () => PdfPacks.WriteAtomically(outPath, s => PdfPacks.WriteAuthorityPack(data, code, options, s)));
                Console.WriteLine($"Wrote the {data.NameOf(code)} pack for {Domain.CollectionYear.Display(y)} to {outPath}" +
                                  (options.Publish ? " (disclosure control applied)" : ""));
            }
            else
            {
                Outputs.Writing(outPath, () => PdfPacks.WriteAtomically(outPath, s => PdfPacks.WriteNationalPack(data, options, s)));
                Console.WriteLine($"Wrote the national overview for {Domain.CollectionYear.Display(y)} to {outPath}" +
                                  (options.Publish ? " (disclosure control applied)" : ""));
            }
            return ExitCode.Success;
        });
    }
}

/// <summary>
/// Writes a folder of outputs as a whole: into a hidden sibling folder first, which then takes the place of --out (the old one is moved
/// aside and removed), so the folder holds a complete set or the earlier one, never a mix. A folder holding anything the tool did not write is refused.
/// </summary>
internal static class PackFolder
{
    /// <summary>What a folder of one kind of output may hold: which entries the tool wrote, and what such an entry is called.</summary>
    /// <param name="Wrote">Whether the tool wrote this file (a folder is never the tool's).</param>
    /// <param name="Noun">What one output is called in the refusal, e.g. "pack".</param>
    public sealed record Kind(Func<string, bool> Wrote, string Noun);

    /// <summary>PDF packs: every .pdf file.</summary>
    public static readonly Kind Packs = new(f => f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase), "pack");

    /// <summary>Runs <paramref name="write"/> into a staging folder and swaps it in as <paramref name="folder"/>; returns how many files it holds.</summary>
    public static int Write(string folder, Kind kind, Func<string, IReadOnlyList<string>> write)
    {
        folder = Path.TrimEndingDirectorySeparator(folder);
        if (Directory.Exists(folder))
        {
            if (Qp.Store.LocalFile.IsLink(folder)) throw new UsageException($"--out {folder} is a symbolic link; give the real folder");
            var other = Directory.EnumerateFileSystemEntries(folder).FirstOrDefault(e => Directory.Exists(e) || !kind.Wrote(e));
            if (other is not null)
                throw new UsageException($"--out {folder} holds {Path.GetFileName(other)}, which is not a {kind.Noun} this tool wrote; " +
                                         $"give a new folder or one holding only {kind.Noun}s (it is replaced as a whole)");
        }
        var parent = Path.GetDirectoryName(Path.GetFullPath(folder))!;
        if (!Directory.Exists(parent)) throw new UsageException($"--out {folder}: folder {parent} does not exist");
        var name = Path.GetFileName(folder);
        var stage = Path.Combine(parent, $".{name}.{Guid.NewGuid():N}.tmp");
        var old = Path.Combine(parent, $".{name}.{Guid.NewGuid():N}.old");
        Directory.CreateDirectory(stage);
        try
        {
            var files = write(stage);
            if (Directory.Exists(folder)) Directory.Move(folder, old);
            Directory.Move(stage, folder);
            return files.Count;
        }
        catch (Exception e)
        {
            if (!Directory.Exists(folder) && Directory.Exists(old)) Directory.Move(old, folder);
            // Packs are written in parallel: report the first failure, naming the pack as it would have been called.
            var first = e is AggregateException a ? a.Flatten().InnerExceptions[0] : e;
            if (first is IOException or UnauthorizedAccessException) throw new IOException(first.Message.Replace(stage, folder, StringComparison.Ordinal), first);
            throw;
        }
        finally
        {
            foreach (var d in new[] { stage, old })
                try { if (Directory.Exists(d)) Directory.Delete(d, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
