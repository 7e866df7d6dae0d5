using System.CommandLine;
using System.Diagnostics;
using Qp.Claims;
using Qp.Domain;
using Qp.Import.Reference;
using Qp.Store;

namespace Qp.Cli.Commands;

/// <summary>qp claims: reads back packs and workbooks and checks every generated statement against the store's figures.</summary>
public static class ClaimsCommand
{
    public static Command Create()
    {
        var cmd = new Command("claims", "Check what packs, workbooks and web pages say (targets, ranks and bands with ties, England and its basis, averages, trends, SYNTHETIC) against the store's figures; exit 1 if any claim is false");
        var paths = new Argument<string[]>("PATH") { Description = "Packs (NNN_Name.pdf), the national overview (national-*.pdf), workbooks (.xlsx), web edition pages (.html) or folders of them", Arity = ArgumentArity.OneOrMore };
        var year = CliOptions.Year("--year", "Collection year the outputs report, 2001 or 2000-01");
        var show = new Option<int>("--show") { Description = "How many false claims to list", DefaultValueFactory = _ => 20 };
        cmd.Arguments.Add(paths);
        cmd.Options.Add(year);
        cmd.Options.Add(show);
        cmd.Options.Add(Cli.Db);
        return cmd.WithAction(parse =>
        {
            var y = parse.GetValue(year);
            var files = new List<string>();
            foreach (var p in parse.GetValue(paths)!)
            {
                if (Directory.Exists(p)) files.AddRange(Directory.EnumerateFiles(p).Where(f => f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".html", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal));
                else if (File.Exists(p)) files.Add(p);
                else throw new UsageException($"{p}: no such file or folder");
            }
            var data = ReportSource.Load(parse, y);
            var clock = Stopwatch.StartNew();
            var report = Check(data, y, files);
            foreach (var line in report.Table()) Console.WriteLine(line);
            foreach (var f in report.Failures.Take(parse.GetValue(show)))
                Console.Error.WriteLine($"{f.Where}: error {f.Kind}: {f.Message}");
            Console.WriteLine($"claims: {files.Count} file(s), {report.Counts.Values.Sum(c => c.Checked):#,0} claims checked, {report.Failures.Count:#,0} false; {clock.Elapsed.TotalSeconds:F1} s");
            return report.Passed ? ExitCode.Success : ExitCode.Rejected;
        });
    }

    /// <summary>Checks every file: workbooks, the national overview and the authority packs (in parallel), then England across them.</summary>
    public static ClaimsReport Check(ReportData data, int year, IReadOnlyList<string> files)
    {
        var checker = new ClaimsChecker(data, year);
        foreach (var f in files.Where(f => f.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))) checker.CheckWorkbook(f);
        var pdfs = files.Where(f => f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var f in pdfs.Where(f => Path.GetFileName(f).StartsWith("national", StringComparison.OrdinalIgnoreCase))) checker.CheckNationalPack(f);
        Parallel.ForEach(pdfs.Where(f => char.IsAsciiDigit(Path.GetFileName(f)[0])), checker.CheckAuthorityPack);
        Parallel.ForEach(files.Where(f => f.EndsWith(".html", StringComparison.OrdinalIgnoreCase)), checker.CheckWebPage);
        checker.CheckOneEnglandPerIndicator();
        return checker.Report;
    }
}
