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
            var db = Cli.StorePath(parse);
            var outPath = Outputs.FullPath(parse.GetValue(output));
            Outputs.RefuseInputs(outPath, db);

            int y = parse.GetValue(year);
            var data = ReportSource.Load(parse, y);
            var options = new PackOptions(y, parse.GetValue(publish), DateTimeOffset.Now);

            if (parse.GetValue(all))
            {
                if (File.Exists(outPath)) throw new UsageException($"--out {outPath} is a file; --all writes one pack per authority into a folder");
                // The ledger is the tool's own file: it may not be an input either.
                Outputs.RefuseInputs(Path.Combine(outPath, PackFolder.Packs.LedgerName), db);
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
/// Writes a folder of outputs (packs, web pages) without ever touching a file it did not write: the packs are rendered into a hidden staging folder
/// inside --out, then each is renamed into place. A ledger beside them (.qp-packs.json: each pack's name and SHA-256) says which
/// files qp wrote; a file already there under a pack's name that the ledger does not describe is refused, and nothing else in the
/// folder (a user's own PDFs, a store) is read, replaced or removed.
/// </summary>
internal static class PackFolder
{
    /// <summary>One kind of output folder: the command that writes its files, and its ledger's name.</summary>
    /// <param name="Command">The command that writes them, named in a refusal.</param>
    /// <param name="LedgerName">The ledger file beside them, e.g. ".qp-packs.json".</param>
    public sealed record Kind(string Command, string LedgerName);

    /// <summary>PDF councillor packs.</summary>
    public static readonly Kind Packs = new("qp report pdf", ".qp-packs.json");

    /// <summary>Runs <paramref name="write"/> into a staging folder and moves its files into <paramref name="folder"/>; returns how many it wrote.</summary>
    public static int Write(string folder, Kind kind, Func<string, IReadOnlyList<string>> write)
    {
        folder = Path.TrimEndingDirectorySeparator(folder);
        if (Qp.Store.LocalFile.IsLink(folder)) throw new UsageException($"--out {folder} is a symbolic link; give the real folder");
        var parent = Path.GetDirectoryName(Path.GetFullPath(folder))!;
        if (!Directory.Exists(parent)) throw new UsageException($"--out {folder}: folder {parent} does not exist");
        bool created = !Directory.Exists(folder);
        var ledgerPath = Path.Combine(folder, kind.LedgerName);
        var stage = Path.Combine(folder, $".qp-packs.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(stage);
            var ledger = ReadLedger(ledgerPath);
            var files = write(stage);
            var made = files.ToDictionary(f => Path.GetFileName(f), Qp.Export.AtomicFile.Sha256Of, StringComparer.Ordinal);
            foreach (var name in made.Keys)
            {
                var target = Path.Combine(folder, name);
                if (!File.Exists(target) && !Directory.Exists(target) && !Qp.Store.LocalFile.IsLink(target)) continue;
                bool ours = Qp.Store.LocalFile.KindOf(target) == Qp.Store.FileKind.Regular && !Qp.Store.LocalFile.IsLink(target)
                            && ledger.TryGetValue(name, out var known) && known.Contains(Qp.Export.AtomicFile.Sha256Of(target));
                if (!ours)
                    throw new UsageException($"--out {folder}: {name} is already there and was not written by {kind.Command} (or was changed since); " +
                                             "it is never replaced: move it, or give another folder");
            }
            // Until every pack is in place the ledger accepts old and new bytes alike, so a run killed half-way leaves files it can still replace.
            var pending = ledger.ToDictionary(kv => kv.Key, kv => new HashSet<string>(kv.Value), StringComparer.Ordinal);
            foreach (var (name, sha) in made) (pending.TryGetValue(name, out var set) ? set : pending[name] = []).Add(sha);
            WriteLedger(ledgerPath, pending);
            foreach (var f in files) File.Move(f, Path.Combine(folder, Path.GetFileName(f)), overwrite: true);
            foreach (var (name, sha) in made) pending[name] = [sha];
            WriteLedger(ledgerPath, pending);
            return files.Count;
        }
        catch (Exception e)
        {
            // Packs are written in parallel: report the first failure, naming the pack as it would have been called.
            var first = e is AggregateException a ? a.Flatten().InnerExceptions[0] : e;
            if (first is IOException or UnauthorizedAccessException) throw new IOException(first.Message.Replace(stage, folder, StringComparison.Ordinal), first);
            throw;
        }
        finally
        {
            try
            {
                if (Directory.Exists(stage)) Directory.Delete(stage, recursive: true);
                // A folder this run created and filled with nothing is removed again.
                if (created && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any(e => Path.GetFileName(e) != kind.LedgerName))
                    Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    private static Dictionary<string, HashSet<string>> ReadLedger(string path)
    {
        try
        {
            if (Qp.Store.LocalFile.KindOf(path) != Qp.Store.FileKind.Regular || new FileInfo(path).Length > 1024 * 1024) return new(StringComparer.Ordinal);
            var read = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string[]>>(File.ReadAllBytes(path));
            return (read ?? []).ToDictionary(kv => kv.Key, kv => kv.Value.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        }
        catch (System.Text.Json.JsonException)
        {
            // A damaged ledger vouches for nothing: every existing pack is then refused, never replaced.
            return new(StringComparer.Ordinal);
        }
    }

    private static void WriteLedger(string path, Dictionary<string, HashSet<string>> ledger) =>
        Qp.Export.AtomicFile.Write(path, s => System.Text.Json.JsonSerializer.Serialize(s,
            ledger.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value.Order(StringComparer.Ordinal).ToArray()),
            new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
}
