using System.CommandLine;
using Qp.Export;
using Qp.Import.Reference;

namespace Qp.Cli.Commands;

/// <summary>qp export: the stored results of a year for central government or publication, with a manifest.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var cmd = new Command("export",
            "Export the stored results of a year as CSV, JSON or DfE's EES layout, with a manifest (OUT.manifest.json) holding SHA-256 checksums");
        var year = CliOptions.Year("--year", "The collection year to export, e.g. 2001 or 2000-01");
        var outOpt = new Option<string>("--out") { Description = "The file to write (written atomically; never over an input)", Required = true };
        var format = new Option<string>("--format") { Description = "csv (default), json, or ees (DfE's tidy long layout)", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json", "ees");
        var publish = new Option<bool>("--publish") { Description = "Apply disclosure control for publication: 'c' for numerators 1-5 and small denominators, national/regional counts to the nearest 10" };
        var la = CliOptions.La("Only this authority's rows (its own figures, for submission)");
        foreach (var o in new Option[] { year, outOpt, format, publish, la, Cli.Db }) cmd.Options.Add(o);

        return cmd.WithAction(parse =>
        {
            var db = Cli.StorePath(parse);
            var request = new ExportRequest(
                parse.GetValue(year),
                Outputs.FullPath(parse.GetValue(outOpt)),
                Enum.Parse<ExportFormat>(parse.GetValue(format)!, ignoreCase: true),
                parse.GetValue(publish),
                parse.GetValue(la),
                Outputs.Inputs(db));
            Outputs.RefuseInputs(request.OutPath, db);
            Outputs.RefuseInputs(request.ManifestPath, db);
            using var conn = Cli.OpenStoreReadOnly(parse, "qp import and qp compute");
            var catalogue = IndicatorCatalogueFile.ReadFolder(Templates.IndicatorsFolder);
            ExportResult result;
            try
            {
                result = Outputs.Writing(request.OutPath, () => Exporter.Run(conn, catalogue, request, DateTimeOffset.UtcNow));
            }
            catch (ExportRefusedException e)
            {
                throw new UsageException(e.Message);
            }
            Console.WriteLine($"wrote {result.Rows} rows to {result.OutPath} (sha256 {result.Sha256})" +
                (request.Publish ? ", disclosure control applied" : ""));
            Console.WriteLine($"manifest: {result.ManifestPath}");
            return ExitCode.Success;
        });
    }
}
