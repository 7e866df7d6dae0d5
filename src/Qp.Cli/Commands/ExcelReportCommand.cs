using System.CommandLine;
using Qp.Domain;
using Qp.Import.Reference;
using Qp.Render.Excel;
using Qp.Store;

namespace Qp.Cli.Commands;

/// <summary>qp report excel: the comparison workbook, read from the stored results.</summary>
public static class ExcelReportCommand
{
    public static Command Create()
    {
        var cmd = new Command("excel", "Write the Excel comparison workbook (Summary, one sheet per indicator, Definitions, Data, Validation) from the stored results");
        var year = CliOptions.Year("--year", "Collection year of the Summary and indicator sheets, e.g. 2001 or 2000-01");
        var output = new Option<string>("--out") { Description = "The workbook to write (.xlsx); written to a temporary file, then renamed", Required = true };
        var publish = new Option<bool>("--publish") { Description = "Apply disclosure control (SPEC §6) for a workbook that will be published" };
        var la = CliOptions.La("Put this authority (three-digit code) first and highlight it, with its statistical neighbours beneath");
        cmd.Options.Add(year);
        cmd.Options.Add(output);
        cmd.Options.Add(publish);
        cmd.Options.Add(la);
        cmd.Options.Add(Cli.Db);
        return cmd.WithAction(parse =>
        {
            var y = parse.GetValue(year);
            var outPath = CheckOutput(parse.GetValue(output), Cli.StorePath(parse));
            var data = ReportSource.Load(parse, y);
            var focus = parse.GetValue(la);
            if (focus is { } code && !data.Authorities.ContainsKey(code))
                throw new UsageException($"--la {code}: no such authority in the authorities table");
            var options = new ExcelReportOptions(y, focus, parse.GetValue(publish), DateTime.Now);
            Outputs.Writing(outPath, () => ExcelReport.Write(data, options, outPath));
            Console.Out.WriteLine($"wrote {outPath}: {CollectionYear.Display(y)}, {data.Catalogue.Count} indicators" +
                                  $"{(focus is { } f ? $", {data.NameOf(f)} first" : "")}{(options.Publish ? ", disclosure control applied" : "")}");
            return ExitCode.Success;
        });
    }

    /// <summary>The output's full path, refused when it is not an .xlsx file or would overwrite an input (the store or a template).</summary>
    public static string CheckOutput(string? output, string db)
    {
        var full = Outputs.FullPath(output);
        if (!full.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"--out {output}: the workbook must be an .xlsx file");
        if (Directory.Exists(full)) throw new UsageException($"--out {output} is a folder; give a file name ending .xlsx");
        Outputs.RefuseInputs(full, db);
        var dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir)) throw new UsageException($"--out {output}: folder {dir} does not exist");
        return full;
    }
}
