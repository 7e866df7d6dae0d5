using System.CommandLine;
using Qp.Import.ChildLevel;
using Qp.Store;

namespace Qp.Cli.Commands;

/// <summary>qp import: stores child-level returns (after validation) and, through <see cref="ReferenceImports"/>, reference files.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var cmd = new Command("import",
            "Import child-level returns (CSV folder, .xlsx, .xml, or a folder of NNN_YYYY returns) and reference files (aggregate, published, neighbours, ONS postcode directory, Ofsted's provider lists given together). " +
            "A rejected return changes nothing in the store; an identical re-import is a no-op; a resubmission replaces the earlier return.");
        var paths = new Argument<string[]>("PATH") { Description = "Files or folders to import", Arity = ArgumentArity.OneOrMore };
        var la = CliOptions.La("Authority code for child-level returns (default: from the NNN_YYYY name)");
        var year = CliOptions.OptionalYear("--year", "Collection year for child-level returns, e.g. 2001 or 2000-01 (default: from the NNN_YYYY name)");
        cmd.Arguments.Add(paths);
        cmd.Options.Add(la);
        cmd.Options.Add(year);
        var allowEmpty = new Option<bool>("--allow-empty") { Description = "Let a return with no data rows replace the stored one (refused otherwise, so a file saved with headers only loses nothing)" };
        cmd.Options.Add(allowEmpty);
        cmd.Options.Add(Cli.Db);
        return cmd.WithAction(parse =>
        {
            var all = parse.GetValue(paths)!;
            foreach (var p in all)
                if (!File.Exists(p) && !Directory.Exists(p) && !Qp.Store.LocalFile.IsLink(p)) throw new UsageException($"{p}: no such file or folder");
            ChildLevelPaths.RefuseOverrideOfSeveral(all, parse.GetValue(la), parse.GetValue(year));
            using var conn = Cli.OpenStore(parse);
            var authorities = AuthorityStore.Authorities(conn);
            var totals = new Totals();
            int exit = ExitCode.Success;
            // Ofsted's lists given together form one set (the children's homes list and the social care providers list).
            var providerLists = all.Where(ReferenceImports.IsProviderList).ToList();
            if (providerLists.Count > 0)
            {
                int code = ReferenceImports.ImportProviders(conn, providerLists);
                if (code == ExitCode.Success) totals.Accepted += providerLists.Count;
                else totals.Rejected += providerLists.Count;
                exit = Math.Max(exit, code);
            }
            ReferenceSet? reference = null;
            foreach (var path in all)
            {
                if (providerLists.Contains(path)) continue;
                if (ChildLevelPaths.NotReadable(path) is { } unreadable)
                {
                    Console.Error.WriteLine(unreadable);
                    totals.Rejected++;
                    exit = Math.Max(exit, ExitCode.Rejected);
                    continue;
                }
                if (ReferenceImports.TryImport(conn, path) is { } code)
                {
                    if (code == ExitCode.Success) totals.Accepted++;
                    else totals.Rejected++;
                    exit = Math.Max(exit, code);
                    continue;
                }
                var found = ChildLevelPaths.Find(path);
                foreach (var s in found)
                {
                    var (laCode, y) = ChildLevelPaths.Resolve(s, parse.GetValue(la), parse.GetValue(year), authorities, laRequired: true);
                    if (Cli.ShowProgress) Console.Error.Write($"\rimporting {s.Name}…\x1b[K");
                    // Loaded after the reference files given in the same command are stored, once for all the returns, and only
                    // for the DfE's years (no QP-era rule reads it); eagerly, as the import's own transactions use this connection.
                    var refs = y >= Qp.Validate.Rules.Dfe.DfeTables.FirstYear ? reference ??= ReferenceSet.Load(conn, lazy: false) : ReferenceSet.None;
                    ImportResult result;
                    using (refs.Use(laCode, authorities))
                        result = ChildLevelImporter.Import(conn, s, laCode!.Value, y, ChildLevelPaths.Today, parse.GetValue(allowEmpty));
                    if (Cli.ShowProgress) Console.Error.Write("\r\x1b[K");
                    exit = Math.Max(exit, Report(s, laCode.Value, y, result, several: found.Count > 1, totals));
                }
            }
            // Returns made by qp sample make the store synthetic, so that every output made from it says so.
            if (totals.Accepted + totals.Unchanged > 0 && all.FirstOrDefault(Qp.Sample.SampleGenerator.IsSample) is { } sample)
                Qp.Store.StoreMarks.Set(conn, Qp.Store.StoreMarks.Synthetic, $"qp sample output imported from {Path.GetFileName(Path.GetFullPath(sample))}");
            // One line a person can read at the end of a long run (also on stdout, where the accepted returns are listed).
            Console.Out.WriteLine(totals.Line("import"));
            LastTotals = totals;
            return exit;
        });
    }

    /// <summary>The totals of the latest import in this process (qp run repeats its child-level import's totals at the end).</summary>
    internal static Totals? LastTotals { get; private set; }

    /// <summary>What an import run did, for its closing line.</summary>
    internal sealed class Totals
    {
        public int Accepted, Rejected, Unchanged, Warnings;

        public string Line(string command) =>
            $"{command}: {Accepted} accepted, {Rejected} rejected, {Unchanged} unchanged; {Warnings} warning(s)";
    }

    private static int Report(Submission s, int la, int year, ImportResult result, bool several, Totals totals)
    {
        var r = result.Report;
        int warnings = r.Warnings;
        totals.Warnings += warnings;
        // Rejections go to stderr; accepted returns list their warnings on stdout with the outcome.
        var messages = result.Outcome is null ? Console.Error : Console.Out;
        foreach (var m in r.Messages) messages.WriteLine(ChildLevelPaths.Located(s, m, several));
        var rows = r.Files.Sum(f => f.Rows);
        switch (result.Outcome)
        {
            case null:
                totals.Rejected++;
                Console.Error.WriteLine($"{s.Name}: rejected: {r.Errors} error(s), {warnings} warning(s); nothing was stored (authority {la}, year {year})");
                return ExitCode.Rejected;
            case ImportOutcome.Unchanged:
                totals.Unchanged++;
                Console.Out.WriteLine($"{s.Name}: unchanged: identical to the return already stored for authority {la}, year {year}; nothing was written");
                return ExitCode.Success;
            default:
                totals.Accepted++;
                Console.Out.WriteLine($"{s.Name}: {(result.Outcome == ImportOutcome.Replaced ? "replaced the earlier return" : "accepted")}: " +
                                      $"{rows} rows, {warnings} warning(s) (authority {la}, year {year}, import {result.ImportId})");
                return ExitCode.Success;
        }
    }
}
