using Microsoft.Data.Sqlite;
using Qp.Domain.Results;
using Qp.Domain.Validation;
using Qp.Import;
using Qp.Import.Aggregates;
using Qp.Import.Neighbours;
using Qp.Import.Published;
using Qp.Import.Reference;
using Qp.Store;

namespace Qp.Pipeline.Reference;

/// <summary>What importing one reference file (or Ofsted's provider lists, given together) did.</summary>
/// <param name="Paths">The file, or the provider lists read as one set.</param>
/// <param name="Summary">What was stored, e.g. "postcode directory: 12 postcodes, replacing the stored directory"; null when nothing was.</param>
/// <param name="Notes">What was read but not stored, and why (rows skipped, figures missing).</param>
/// <param name="Errors">The located errors that rejected the file (nothing was stored).</param>
/// <param name="Unreadable">Why the file could not be read at all (nothing was stored), or null.</param>
public sealed record ReferenceOutcome(IReadOnlyList<string> Paths, string? Summary, IReadOnlyList<string> Notes,
                                     IReadOnlyList<ValidationMessage> Errors, string? Unreadable)
{
    /// <summary>Whether the file was stored.</summary>
    public bool Accepted => Summary is not null;

    internal static ReferenceOutcome Stored(IReadOnlyList<string> paths, string summary, IReadOnlyList<string>? notes = null) => new(paths, summary, notes ?? [], [], null);

    internal static ReferenceOutcome Rejected(string path, IReadOnlyList<ValidationMessage> errors) => new([path], null, [], errors, null);

    internal static ReferenceOutcome CannotRead(IReadOnlyList<string> paths, Exception e) => new(paths, null, [], [], e.Message);
}

/// <summary>
/// Imports reference files: QP aggregate returns, DfE published statistics, statistical neighbours, the ONS postcode directory and
/// Ofsted's provider lists; each is stored in one transaction or not at all.
/// </summary>
public static class ReferenceImporter
{
    /// <summary>Imports <paramref name="path"/> when it is a reference file; null when it is not one (it may be a child-level return).</summary>
    /// <param name="conn">The store.</param>
    /// <param name="path">The file.</param>
    /// <param name="indicatorsFolder">Gives the indicator catalogue's folder, asked only of a table that is no postcode directory, provider list or neighbour file.</param>
    public static ReferenceOutcome? TryImport(SqliteConnection conn, string path, Func<string> indicatorsFolder)
    {
        try
        {
            return Import(conn, path, indicatorsFolder);
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            // A file recognised by its header but malformed further down (e.g. an unclosed quote): rejected, nothing stored.
            return ReferenceOutcome.CannotRead([path], e);
        }
    }

    private static bool IsUnreadable(Exception e) =>
        e is CsvHelper.CsvFormatException or InputRefusedException or FormatException or InvalidOperationException or ArgumentException or InvalidDataException;

    private static ReferenceOutcome? Import(SqliteConnection conn, string path, Func<string> indicatorsFolder)
    {
        if (!File.Exists(path)) return null;
        string ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is not (".csv" or ".xlsx")) return null;
        IReadOnlyList<string> headers;
        try { headers = Table.ReadHeaders(path); }
        catch (Exception e) when (e is not IOException and not UnauthorizedAccessException) { return null; }

        // A file that looks like one of these but lacks a column is read all the same, so that its rejection names what is missing.
        if (PostcodeDirectoryFile.Recognise(headers) || PostcodeDirectoryFile.LooksLike(headers)) return ImportPostcodes(conn, path);
        if (ProviderListFile.Recognise(headers) || ProviderListFile.LooksLike(headers)) return ImportProviders(conn, [path]);

        var authorities = AuthorityStore.Authorities(conn).Select(a => a.Code).ToHashSet();
        if (StatisticalNeighbourFile.Recognise(headers))
        {
            var read = StatisticalNeighbourFile.Read(path, authorities);
            if (!read.Accepted) return ReferenceOutcome.Rejected(path, read.Errors);
            var summary = $"statistical neighbours for {read.Items.Select(n => n.LaCode).Distinct().Count()} authorities ({read.Items.Count} pairs)";
            using var tx = conn.BeginTransaction();
            AggregateStore.RecordImport(conn, tx, "neighbours", path, read.Items.Count, summary);
            AuthorityStore.ReplaceNeighbours(conn, read.Items, tx);
            tx.Commit();
            return ReferenceOutcome.Stored([path], summary);
        }

        var catalogue = IndicatorCatalogueFile.ReadFolder(indicatorsFolder());
        ReferenceRead<AggregateFigure> figures;
        string kind;
        if (QpAggregateFile.Recognise(headers))
        {
            (kind, figures) = ("aggregate", QpAggregateFile.Read(path, catalogue.Select(d => d.Id).ToHashSet(), authorities));
        }
        else if (PublishedStatisticsFile.IsOwnExport(headers) || PublishedStatisticsFile.MappedIndicators(headers, catalogue).Count > 0)
        {
            (kind, figures) = ("published", PublishedStatisticsFile.Read(path, catalogue, authorities));
        }
        else return null;

        if (!figures.Accepted) return ReferenceOutcome.Rejected(path, figures.Errors);
        var line = Describe(kind, figures.Items);
        AggregateStore.Import(conn, kind, path, figures.Items, line);
        return ReferenceOutcome.Stored([path], line, figures.Skipped);
    }

    /// <summary>Whether <paramref name="path"/> is one of Ofsted's provider lists (CSV, or .xlsx by its first sheet's header row).</summary>
    public static bool IsProviderList(string path)
    {
        // A named pipe or device is never opened here: the import reports it as unreadable.
        if (!File.Exists(path) || Path.GetExtension(path).ToLowerInvariant() is not (".csv" or ".xlsx") || LocalFile.NotARegularFile(path) is not null) return false;
        // One that only looks like a list (a column missing) belongs to the set too: it rejects the set rather than leave it to shrink.
        try { return Table.ReadHeaders(path) is var h && (ProviderListFile.Recognise(h) || ProviderListFile.LooksLike(h)); }
        catch (Exception e) when (e is not IOException and not UnauthorizedAccessException) { return false; }
    }

    /// <summary>
    /// Reads Ofsted's provider lists in <paramref name="paths"/> (e.g. the children's homes and the social care providers lists, given
    /// together) and stores them as one set replacing the stored one; an error in any file rejects them all and changes nothing.
    /// </summary>
    public static ReferenceOutcome ImportProviders(SqliteConnection conn, IReadOnlyList<string> paths)
    {
        try
        {
            var all = new List<Qp.Validate.ProviderInfo>();
            foreach (var path in paths)
            {
                var read = ProviderListFile.Read(path);
                if (!read.Accepted) return ReferenceOutcome.Rejected(path, read.Errors);
                all.AddRange(read.Items);
            }
            var table = new Qp.Validate.ProviderTable(all);
            var closed = table.All.Count(p => p.Closed is not null);
            var line = $"Ofsted provider lists: {table.Count:N0} providers ({closed:N0} closed), replacing the stored lists";
            ReferenceStore.ReplaceProviders(conn, paths, [.. table.All], line);
            return ReferenceOutcome.Stored(paths, line);
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            return ReferenceOutcome.CannotRead(paths, e);
        }
    }

    private static ReferenceOutcome ImportPostcodes(SqliteConnection conn, string path)
    {
        var read = PostcodeDirectoryFile.Read(path);
        if (!read.Accepted) return ReferenceOutcome.Rejected(path, read.Errors);
        var line = $"postcode directory: {read.Table.Count:N0} postcodes, replacing the stored directory";
        ReferenceStore.ReplacePostcodes(conn, path, read.Table, line);
        return ReferenceOutcome.Stored([path], line, read.Skipped);
    }

    // e.g. "published statistics: 1,540 figures for A1, D78, 2021–2025 (1,500 authority, 36 regional, 4 national; 12 missing or suppressed)"
    private static string Describe(string kind, IReadOnlyList<AggregateFigure> items)
    {
        string what = kind == "aggregate" ? "QP aggregate return" : "published statistics";
        if (items.Count == 0) return $"{what}: no figures for the catalogue's indicators";
        var ids = string.Join(", ", items.Select(f => f.Indicator).Distinct());
        int from = items.Min(f => f.Year), to = items.Max(f => f.Year);
        int missing = items.Count(f => f.Numerator is null || f.Denominator is null);
        string levels = string.Join(", ", new[] { AreaLevel.La, AreaLevel.Regional, AreaLevel.National }
            .Select(l => (l, n: items.Count(f => f.Level == l))).Where(x => x.n > 0)
            .Select(x => $"{x.n:N0} {(x.l == AreaLevel.La ? "authority" : x.l)}"));
        return $"{what}: {items.Count:N0} figures for {ids}, {(from == to ? $"{from}" : $"{from}–{to}")} ({levels}; {missing:N0} missing or suppressed)";
    }
}
