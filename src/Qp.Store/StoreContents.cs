using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Qp.Store;

/// <summary>Which collection years the store holds inputs for and which it has results for: what tells a user the step actually missing.</summary>
/// <param name="InputYears">Years with a child-level return or an imported (aggregate or published) figure, ascending.</param>
/// <param name="ResultYears">Years with computed results, ascending.</param>
public sealed record StoreContents(IReadOnlyList<int> InputYears, IReadOnlyList<int> ResultYears)
{
    /// <summary>Reads the years from the store in two queries.</summary>
    public static StoreContents Read(SqliteConnection conn) => new(
        SqlRows.Read(conn, "SELECT year FROM submissions UNION SELECT year FROM aggregate_figures ORDER BY 1", r => r.GetInt32(0)),
        SqlRows.Read(conn, "SELECT DISTINCT year FROM results ORDER BY 1", r => r.GetInt32(0)));

    /// <summary>
    /// Null when <paramref name="year"/> has results; otherwise the one step to run next — import when the store holds nothing for
    /// the year, compute when it holds inputs but no results — so a report and compute never send a user round in a loop.
    /// </summary>
    public string? MissingResults(int year, string store)
    {
        if (ResultYears.Contains(year)) return null;
        string shown = Display(year);
        string held = ResultYears.Count == 0 ? "it has no results yet" : $"years with results: {Years(ResultYears)}";
        return InputYears.Contains(year)
            ? $"the store {store} holds returns or figures for {shown} but no results: run qp compute --year {year} first"
            : $"the store {store} holds no returns or figures for {shown}: import them first (qp import RETURNS), then run qp compute --year {year}; {held}";
    }

    private static string Display(int year) => string.Create(CultureInfo.InvariantCulture, $"{Qp.Domain.CollectionYear.Display(year)} ({year})");

    private static string Years(IEnumerable<int> years) => string.Join(", ", years.Select(y => y.ToString(CultureInfo.InvariantCulture)));
}
