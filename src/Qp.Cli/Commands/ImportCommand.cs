using System.CommandLine;
using Qp.Pipeline.Importing;
using Qp.Store;

namespace Qp.Cli.Commands;

/// <summary>qp import: parses the request, calls <see cref="ReturnsImporter"/> and prints each step as it is done.</summary>
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
            var request = new ImportRequest(parse.GetValue(paths)!, parse.GetValue(la), parse.GetValue(year), parse.GetValue(allowEmpty), () => Templates.IndicatorsFolder);
            // A request that cannot be carried out is refused before the store is opened (and so never created).
            ReturnsImporter.Check(request);
            using var conn = Cli.OpenStore(parse);
            var totals = ReturnsImporter.Import(conn, request, Print, Cli.ShowProgress ? s => Console.Error.Write($"\rimporting {s.Name}…\x1b[K") : null);
            // One line a person can read at the end of a long run (also on stdout, where the accepted returns are listed).
            Console.Out.WriteLine(totals.Line("import"));
            LastTotals = totals;
            return totals.Rejected > 0 ? ExitCode.Rejected : ExitCode.Success;
        });
    }

    /// <summary>The totals of the latest import in this process (qp run repeats its child-level import's totals at the end).</summary>
    internal static ImportTotals? LastTotals { get; private set; }

    // Rejections go to stderr; accepted files list their warnings and notes on stdout with the outcome.
    private static void Print(ImportStep step)
    {
        if (Cli.ShowProgress) Console.Error.Write("\r\x1b[K");
        switch (step)
        {
            case PathRefused refused:
                Console.Error.WriteLine(refused.Message);
                break;
            case ReferenceImported { Outcome: var o }:
                Printed.Reference(o);
                break;
            case ReturnImported r:
                PrintReturn(r);
                break;
        }
    }

    private static void PrintReturn(ReturnImported x)
    {
        var (s, la, year, result) = (x.Submission, x.La, x.Year, x.Result);
        var r = result.Report;
        var messages = result.Outcome is null ? Console.Error : Console.Out;
        foreach (var m in r.Messages) messages.WriteLine(Printed.Located(s, m, x.OneOfSeveral, markOwn: true));
        var rows = r.Files.Sum(f => f.Rows);
        switch (result.Outcome)
        {
            case null:
                Console.Error.WriteLine($"{s.Name}: rejected: {r.Errors} error(s), {r.Warnings} warning(s); nothing was stored (authority {la}, year {year})");
                break;
            case ImportOutcome.Unchanged:
                Console.Out.WriteLine($"{s.Name}: unchanged: identical to the return already stored for authority {la}, year {year}; nothing was written");
                break;
            default:
                Console.Out.WriteLine($"{s.Name}: {(result.Outcome == ImportOutcome.Replaced ? "replaced the earlier return" : "accepted")}: " +
                                      $"{rows} rows, {r.Warnings} warning(s) (authority {la}, year {year}, import {result.ImportId})");
                break;
        }
    }
}
