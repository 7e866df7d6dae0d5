using Microsoft.Data.Sqlite;
using Qp.Domain.Results;
using Qp.Domain.Validation;
using Qp.Import;
using Qp.Import.Aggregates;
using Qp.Import.Neighbours;
using Qp.Import.Published;
using Qp.Import.Reference;
using Qp.Store;

namespace Qp.Cli.Commands;

/// <summary>The part of `qp import` that reads reference files: QP aggregate returns, DfE published statistics and statistical neighbour files.</summary>
public static class ReferenceImports
{
    /// <summary>Imports <paramref name="path"/> when it is a reference file and returns the exit code; returns null when it is not one (it may be a child-level return).</summary>
    public static int? TryImport(SqliteConnection conn, string path)
    {
        try
        {
            return Import(conn, path);
        }
        catch (Exception e) when (e is CsvHelper.CsvFormatException or InputRefusedException or FormatException or InvalidOperationException or ArgumentException or InvalidDataException)
        {
            // A file recognised by its header but malformed further down (e.g. an unclosed quote): rejected, nothing stored.
            Console.Error.WriteLine($"{Path.GetFileName(path)}: cannot be read: {Qp.Domain.Text.EchoText.Escape(e.Message)}");
            Console.Error.WriteLine($"{Path.GetFileName(path)}: rejected; the database is unchanged");
            return ExitCode.Rejected;
        }
    }

    private static int? Import(SqliteConnection conn, string path)
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
            if (!read.Accepted) return Reject(path, read.Errors);
            var summary = $"statistical neighbours for {read.Items.Select(n => n.LaCode).Distinct().Count()} authorities ({read.Items.Count} pairs)";
            using var tx = conn.BeginTransaction();
            AggregateStore.RecordImport(conn, tx, "neighbours", path, read.Items.Count, summary);
            AuthorityStore.ReplaceNeighbours(conn, read.Items, tx);
            tx.Commit();
            Console.WriteLine($"{Path.GetFileName(path)}: {summary}");
            return ExitCode.Success;
        }

        var catalogue = IndicatorCatalogueFile.ReadFolder(Templates.IndicatorsFolder);
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

        if (!figures.Accepted) return Reject(path, figures.Errors);
        var line = Describe(kind, figures.Items);
        AggregateStore.Import(conn, kind, path, figures.Items, line);
        Console.WriteLine($"{Path.GetFileName(path)}: {line}");
        foreach (var s in figures.Skipped) Console.WriteLine($"{Path.GetFileName(path)}: note: {s}");
        return ExitCode.Success;
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
    public static int ImportProviders(SqliteConnection conn, IReadOnlyList<string> paths)
    {
        try
        {
            var all = new List<Qp.Validate.ProviderInfo>();
            foreach (var path in paths)
            {
                var read = ProviderListFile.Read(path);
                if (!read.Accepted) return Reject(path, read.Errors);
                all.AddRange(read.Items);
            }
            var table = new Qp.Validate.ProviderTable(all);
            var closed = table.All.Count(p => p.Closed is not null);
            var line = $"Ofsted provider lists: {table.Count:N0} providers ({closed:N0} closed), replacing the stored lists";
            ReferenceStore.ReplaceProviders(conn, paths, [.. table.All], line);
            Console.WriteLine($"{string.Join(", ", paths.Select(Path.GetFileName))}: {line}");
            return ExitCode.Success;
        }
        catch (Exception e) when (e is CsvHelper.CsvFormatException or InputRefusedException or FormatException or InvalidOperationException or ArgumentException or InvalidDataException)
        {
            Console.Error.WriteLine($"{string.Join(", ", paths.Select(Path.GetFileName))}: cannot be read: {Qp.Domain.Text.EchoText.Escape(e.Message)}");
            Console.Error.WriteLine($"{string.Join(", ", paths.Select(Path.GetFileName))}: rejected; the database is unchanged");
            return ExitCode.Rejected;
        }
    }

    private static int ImportPostcodes(SqliteConnection conn, string path)
    {
        var read = PostcodeDirectoryFile.Read(path);
        if (!read.Accepted) return Reject(path, read.Errors);
        var line = $"postcode directory: {read.Table.Count:N0} postcodes, replacing the stored directory";
        ReferenceStore.ReplacePostcodes(conn, path, read.Table, line);
        Console.WriteLine($"{Path.GetFileName(path)}: {line}");
        foreach (var s in read.Skipped) Console.WriteLine($"{Path.GetFileName(path)}: note: {s}");
        return ExitCode.Success;
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

    // Every error is printed, located; nothing was written, so the store is unchanged.
    private static int Reject(string path, IReadOnlyList<ValidationMessage> errors)
    {
        foreach (var e in errors.Take(200)) Console.Error.WriteLine(e);
        if (errors.Count > 200) Console.Error.WriteLine($"… and {errors.Count - 200} more");
        Console.Error.WriteLine($"{Path.GetFileName(path)}: rejected with {errors.Count} error(s); the database is unchanged");
        return ExitCode.Rejected;
    }
}
