using System.CommandLine;
using Qp.Import.Reference;
using Qp.Store;

namespace Qp.Cli;

/// <summary>What every reader of an edition (packs, workbook, web pages, claims) loads first: the store's figures for one year, or the step that is missing.</summary>
public static class ReportSource
{
    /// <summary>
    /// Opens the store named by --db read-only and loads its report data, after checking that <paramref name="year"/> has results;
    /// otherwise a usage error naming the step actually missing (import or compute).
    /// </summary>
    public static ReportData Load(ParseResult parse, int year)
    {
        using var conn = Cli.OpenStoreReadOnly(parse, "qp import and qp compute");
        if (StoreContents.Read(conn).MissingResults(year, Cli.StorePath(parse)) is { } missing) throw new UsageException(missing);
        var catalogue = IndicatorCatalogueFile.ReadFolder(Templates.IndicatorsFolder);
        return ReportData.Load(conn, catalogue) with { Rules = PublishedRules.For(catalogue) };
    }
}
