using Dapper;
using Microsoft.Data.Sqlite;
using Qp.Domain.Results;

namespace Qp.Store;

/// <summary>The computed results: written once by compute, read by every renderer and exporter.</summary>
public static class ResultsStore
{
    private const string ResultColumns =
        "indicator, la_code, year, source, numerator, denominator, value, ci95_lower, ci95_upper, ci998_lower, ci998_upper, " +
        "rank, rank_of, quartile_band, paf_band, vs_england, sn_average, region_average, type_average, change_pp, trend, " +
        "trend_chi2, target_value, target_status, target_distance";

    private const string NationalColumns =
        "indicator, year, numerator, denominator, value, published_value, q1, median, q3, authorities, target_value, trend";

    /// <summary>Replaces every stored result (authority and national) with the given ones, in one transaction.</summary>
    public static void ReplaceAll(SqliteConnection conn, IEnumerable<IndicatorResult> results, IEnumerable<NationalResult> national)
    {
        using var tx = conn.BeginTransaction();
        Replace(conn, tx, results, national);
        tx.Commit();
    }

    /// <summary>Replaces the stored results of <paramref name="year"/> (every year when null) inside the caller's transaction, so compute can store its warnings in the same one.</summary>
    public static void Replace(SqliteConnection conn, SqliteTransaction tx, IEnumerable<IndicatorResult> results, IEnumerable<NationalResult> national, int? year = null)
    {
        conn.Execute("DELETE FROM results WHERE @year IS NULL OR year = @year; DELETE FROM national_results WHERE @year IS NULL OR year = @year;",
            new { year }, tx);
        SqlRows.Insert(conn, tx, "results", ResultColumns, results, r => [r.Indicator, r.LaCode, r.Year, r.Source, r.Numerator, r.Denominator,
            r.Value, r.Ci95Lower, r.Ci95Upper, r.Ci998Lower, r.Ci998Upper, r.Rank, r.RankOf, r.QuartileBand, r.PafBand,
            r.VsEngland.ToString(), r.SnAverage, r.RegionAverage, r.TypeAverage, r.ChangePp, r.Trend.ToString(), r.TrendChi2,
            r.TargetValue, r.TargetStatus.ToString(), r.TargetDistance]);
        SqlRows.Insert(conn, tx, "national_results", NationalColumns, national, n => [n.Indicator, n.Year, n.Numerator, n.Denominator,
            n.Value, n.PublishedValue, n.Q1, n.Median, n.Q3, n.Authorities, n.TargetValue, n.Trend.ToString()]);
    }

    /// <summary>Results for one collection year (every authority and indicator), ordered by indicator then authority.</summary>
    public static IReadOnlyList<IndicatorResult> ForYear(SqliteConnection conn, int year) =>
        Typed(conn, "results", () => conn.Query<IndicatorResult>($"SELECT {ResultColumns} FROM results WHERE year = @year ORDER BY indicator, la_code", new { year }).AsList());

    /// <summary>Every stored result, ordered by indicator, year and authority.</summary>
    public static IReadOnlyList<IndicatorResult> All(SqliteConnection conn) =>
        Typed(conn, "results", () => conn.Query<IndicatorResult>($"SELECT {ResultColumns} FROM results ORDER BY indicator, year, la_code").AsList());

    /// <summary>England figures for every indicator and year, ordered by indicator then year.</summary>
    public static IReadOnlyList<NationalResult> National(SqliteConnection conn) =>
        Typed(conn, "national_results", () => conn.Query<NationalResult>($"SELECT {NationalColumns} FROM national_results ORDER BY indicator, year").AsList());

    // SQLite stores whatever it is given: a value of the wrong type (text in a number column, written by another tool) is a damaged store, said so.
    private static T Typed<T>(SqliteConnection conn, string table, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException or System.Data.DataException)
        {
            throw new StoreException($"{conn.DataSource}: the {table} table holds a value of the wrong type (e.g. text in a number column), " +
                                     "so the store was changed by something other than qp; run qp compute to write the results again");
        }
    }

    /// <summary>The collection years that have results, ascending.</summary>
    public static IReadOnlyList<int> Years(SqliteConnection conn) =>
        conn.Query<int>("SELECT DISTINCT year FROM results ORDER BY year").AsList();
}
