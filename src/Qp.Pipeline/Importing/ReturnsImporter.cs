using Microsoft.Data.Sqlite;
using Qp.Import.ChildLevel;
using Qp.Pipeline.Reference;
using Qp.Pipeline.Returns;
using Qp.Store;

namespace Qp.Pipeline.Importing;

/// <summary>What to import.</summary>
/// <param name="Paths">Files and folders: child-level returns (CSV folders, .xlsx, .xml, folders of NNN_YYYY returns) and reference files.</param>
/// <param name="La">The authority of a single return whose name does not say it, or null.</param>
/// <param name="Year">The collection year of a single return whose name does not say it, or null.</param>
/// <param name="AllowEmpty">Whether a return with no data rows may replace the stored one.</param>
/// <param name="IndicatorsFolder">Gives the indicator catalogue's folder (asked only of a table that is no postcode directory, provider list or neighbour file).</param>
public sealed record ImportRequest(IReadOnlyList<string> Paths, int? La, int? Year, bool AllowEmpty, Func<string> IndicatorsFolder);

/// <summary>
/// The import step of the annual return: reference files first where given together (Ofsted's lists form one set), then each path in
/// order, every child-level return validated against the DfE's or QP's rules of its year and stored in one transaction or not at all.
/// </summary>
public static class ReturnsImporter
{
    /// <summary>Refuses a request that names a path that does not exist, or gives --la or --year for several returns; reads no file.</summary>
    /// <exception cref="RequestException">The request cannot be carried out as asked.</exception>
    public static void Check(ImportRequest request)
    {
        foreach (var p in request.Paths)
            if (!File.Exists(p) && !Directory.Exists(p) && !LocalFile.IsLink(p)) throw new RequestException($"{p}: no such file or folder");
        ReturnPaths.RefuseOverrideOfSeveral(request.Paths, request.La, request.Year);
    }

    /// <summary>Imports everything <paramref name="request"/> names into the open store, reporting each step to <paramref name="report"/> as it is done.</summary>
    /// <param name="conn">The open store (created and migrated).</param>
    /// <param name="request">What to import.</param>
    /// <param name="report">Called with each step in order, as soon as it is done.</param>
    /// <param name="starting">Called before each child-level return is read (for progress), or null.</param>
    /// <returns>The totals, for the closing line.</returns>
    /// <exception cref="RequestException">A path that does not exist, or an authority or year that cannot be settled; nothing after it was imported.</exception>
    public static ImportTotals Import(SqliteConnection conn, ImportRequest request, Action<ImportStep> report, Action<Submission>? starting = null)
    {
        Check(request);
        var authorities = AuthorityStore.Authorities(conn);
        var totals = new ImportTotals();
        void Done(ImportStep step)
        {
            totals.Count(step);
            report(step);
        }

        // Ofsted's lists given together form one set (the children's homes list and the social care providers list).
        var providerLists = request.Paths.Where(ReferenceImporter.IsProviderList).ToList();
        if (providerLists.Count > 0) Done(new ReferenceImported(ReferenceImporter.ImportProviders(conn, providerLists)));
        ReferenceSet? reference = null;
        foreach (var path in request.Paths)
        {
            if (providerLists.Contains(path)) continue;
            if (ReturnPaths.NotReadable(path) is { } unreadable)
            {
                Done(new PathRefused(unreadable));
                continue;
            }
            if (ReferenceImporter.TryImport(conn, path, request.IndicatorsFolder) is { } outcome)
            {
                Done(new ReferenceImported(outcome));
                continue;
            }
            var found = ReturnPaths.Find(path);
            foreach (var s in found)
            {
                var (la, year) = ReturnPaths.Resolve(s, request.La, request.Year, authorities, laRequired: true);
                starting?.Invoke(s);
                // Loaded after the reference files given in the same request are stored, once for all the returns, and only for the
                // DfE's years (no QP-era rule reads it); eagerly, as the import's own transactions use this connection.
                var refs = year >= Qp.Validate.Rules.Dfe.DfeTables.FirstYear ? reference ??= ReferenceSet.Load(conn, lazy: false) : ReferenceSet.None;
                ImportResult result;
                using (refs.Use(la, authorities))
                    result = ChildLevelImporter.Import(conn, s, la!.Value, year, ReturnPaths.Today, request.AllowEmpty);
                Done(new ReturnImported(s, la.Value, year, result, found.Count > 1));
            }
        }
        // Returns made by qp sample make the store synthetic, so that every output made from it says so.
        if (totals.Accepted + totals.Unchanged > 0 && request.Paths.FirstOrDefault(Qp.Sample.SampleGenerator.IsSample) is { } sample)
            StoreMarks.Set(conn, StoreMarks.Synthetic, $"qp sample output imported from {Path.GetFileName(Path.GetFullPath(sample))}");
        return totals;
    }
}
