using System.Globalization;
using Microsoft.Data.Sqlite;
using Qp.Domain.Indicators;
using Qp.Store;

namespace Qp.Export;

/// <summary>qp export: writes the stored results for a year as CSV, JSON or DfE's EES layout, with a manifest beside it. Computes nothing.</summary>
public static class Exporter
{
    /// <summary>Checks the request, writes the export and its manifest atomically, and says what was written.</summary>
    /// <exception cref="ExportRefusedException">The year has no results, the authority is unknown or has no results, or the output would overwrite an input.</exception>
    public static ExportResult Run(SqliteConnection conn, IReadOnlyList<IndicatorDefinition> catalogue, ExportRequest request, DateTimeOffset now)
    {
        CheckPaths(request);
        if (StoreContents.Read(conn).MissingResults(request.Year, conn.DataSource) is { } missing) throw new ExportRefusedException(missing);
        var data = ReportData.Load(conn, catalogue).ForEdition(request.Publish);
        CheckSelection(data, request);

        var table = request.Format switch
        {
            ExportFormat.Ees => EesRows.Build(data, request.Year, request.LaCode, request.Publish),
            _ => GovernmentRows.Build(data, request.Year, request.LaCode, request.Publish),
        };
        long rows = 0;
        using var staged = AtomicFile.Stage(request.OutPath, s => rows = request.Format == ExportFormat.Json
            ? JsonTableWriter.Write(s, table)
            : CsvTableWriter.Write(s, table));
        var written = new WrittenFile(Path.GetFileName(request.OutPath), staged.Length, staged.Sha256);
        var manifest = new ExportManifest(ExportManifest.CurrentToolVersion, now, request, rows,
            ImportRecords.Behind(conn, request.Year), [written])
        {
            Suppressions = request.Publish ? data.Disclosure!.Suppressions.Where(c => c.Year == request.Year).ToList() : [],
        };
        using var seal = AtomicFile.Stage(request.ManifestPath, manifest.Write);
        // The manifest is the seal: removed first, renamed last, so a manifest on disk always describes the file beside it.
        AtomicFile.CommitSet([staged], seal);
        var sha = staged.Sha256;
        return new ExportResult(Path.GetFullPath(request.OutPath), Path.GetFullPath(request.ManifestPath), rows, sha);
    }

    private static void CheckPaths(ExportRequest request)
    {
        foreach (var output in new[] { request.OutPath, request.ManifestPath }.Select(Path.GetFullPath))
        {
            if (Directory.Exists(output))
                throw new ExportRefusedException($"--out {output} is a folder; give a file name");
            if (OutputGuard.Refusal(output, request.Inputs) is { } why)
                throw new ExportRefusedException($"--out {request.OutPath}: refusing to write {output}: {why}; choose another --out");
        }
    }

    private static void CheckSelection(ReportData data, ExportRequest request)
    {
        if (request.LaCode is { } la)
        {
            if (!data.Authorities.ContainsKey(la))
                throw new ExportRefusedException($"--la {la}: no such authority (see templates/authorities.csv)");
            if (!data.Results.Any(r => r.Year == request.Year && r.LaCode == la))
                throw new ExportRefusedException($"--la {la}: {data.NameOf(la)} has no stored results for {request.Year}");
        }
    }
}
