using System.CommandLine;
using System.Diagnostics;
using Qp.Import.Reference;
using Qp.Render.Html;
using Qp.Store;

namespace Qp.Cli.Commands;

/// <summary>qp report html: the accessible web edition, a folder of static pages read from the same edition as the PDF packs.</summary>
public static class ReportHtmlCommand
{
    /// <summary>The web edition's pages: written beside anything else in the folder, replacing only pages this command wrote.</summary>
    internal static readonly PackFolder.Kind Pages = new("qp report html", ".qp-pages.json");

    public static Command Create()
    {
        var cmd = new Command("html", "Write the accessible web edition (WCAG 2.2 AA): an index with search, England's overview and one page per authority, " +
                                      "static and self-contained, into the folder --out DIR");
        var year = CliOptions.Year("--year", "The collection year, e.g. 2001 or 2000-01");
        var la = CliOptions.Las("Pages for these authorities only (three-digit codes, e.g. --la 805 806)");
        var all = new Option<bool>("--all") { Description = "A page for every authority with results for the year (the default)" };
        var output = new Option<string>("--out") { Description = "The folder to write the pages into; only pages this command wrote there are replaced, nothing else in it is touched", Required = true };
        var publish = new Option<bool>("--publish") { Description = "Apply disclosure control for publication (counts 1-5 and small groups shown as c)" };
        foreach (var o in new Option[] { year, la, all, output, publish, Cli.Db }) cmd.Options.Add(o);

        return cmd.WithAction(parse =>
        {
            var codes = parse.GetValue(la);
            if (codes is { Length: > 0 } && parse.GetValue(all)) throw new UsageException("choose --la CODE... or --all, not both");
            var db = Path.GetFullPath(parse.GetValue(Cli.Db)!);
            var outPath = Outputs.FullPath(parse.GetValue(output));
            if (File.Exists(outPath)) throw new UsageException($"--out {outPath} is a file; the web edition is a folder of pages");
            Outputs.RefuseInputs(outPath, db);

            int y = parse.GetValue(year);
            var data = ReportSource.Load(parse, y);
            foreach (var code in codes ?? [])
            {
                if (!data.Authorities.ContainsKey(code)) throw new UsageException($"unknown authority code {code} (see templates/authorities.csv)");
                if (!data.Results.Any(r => r.Year == y && r.LaCode == code))
                    throw new UsageException($"no results are stored for authority {code} ({data.NameOf(code)}) in {y}");
            }
            var options = new HtmlEditionOptions(y, parse.GetValue(publish), DateTimeOffset.Now);

            var clock = Stopwatch.StartNew();
            int done = 0;
            var files = Outputs.Writing(outPath, () => PackFolder.Write(outPath, Pages, stage =>
                HtmlEdition.Write(data, options, stage, codes is { Length: > 0 } ? codes : null, () =>
                {
                    int n = Interlocked.Increment(ref done);
                    if (Cli.ShowProgress && n % 10 == 0) Console.Error.Write($"\r  {n} pages");
                })));
            if (Cli.ShowProgress) Console.Error.WriteLine();
            Console.WriteLine($"Wrote the web edition for {Domain.CollectionYear.Display(y)} to {outPath}: {files} pages in {clock.Elapsed.TotalSeconds:0.0} s; " +
                              $"open {Path.Combine(outPath, HtmlEdition.IndexFile)}" + (options.Publish ? " (disclosure control applied)" : ""));
            return ExitCode.Success;
        });
    }
}
