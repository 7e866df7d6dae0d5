using Microsoft.Data.Sqlite;

namespace Qp.Store;

/// <summary>A disagreement between an authority's child-level figures and another source for the same indicator and year (child-level wins).</summary>
/// <param name="Indicator">The indicator's identifier.</param>
/// <param name="LaCode">The authority.</param>
/// <param name="Year">The collection year.</param>
/// <param name="ChildNumerator">The numerator counted from the child-level return.</param>
/// <param name="ChildDenominator">The denominator counted from the child-level return.</param>
/// <param name="OtherSource">aggregate or published.</param>
/// <param name="OtherNumerator">The other source's numerator (null when suppressed).</param>
/// <param name="OtherDenominator">The other source's denominator (null when suppressed).</param>
public sealed record SourceDifference(string Indicator, int LaCode, int Year, int ChildNumerator, int ChildDenominator,
    string OtherSource, int? OtherNumerator, int? OtherDenominator);

/// <summary>The source_differences table, written by compute.</summary>
public static class SourceDifferencesStore
{
    /// <summary>Replaces the differences of <paramref name="year"/> (every year when null) inside the caller's transaction.</summary>
    public static void Replace(SqliteConnection conn, SqliteTransaction tx, IEnumerable<SourceDifference> differences, int? year = null)
    {
        using (var del = conn.CreateCommand())
        {
            del.Transaction = tx;
            del.CommandText = "DELETE FROM source_differences WHERE $y IS NULL OR year = $y";
            del.Parameters.AddWithValue("$y", (object?)year ?? DBNull.Value);
            del.ExecuteNonQuery();
        }
        SqlRows.Insert(conn, tx, "source_differences",
            "indicator, la_code, year, child_numerator, child_denominator, other_source, other_numerator, other_denominator", differences,
            d => [d.Indicator, d.LaCode, d.Year, d.ChildNumerator, d.ChildDenominator, d.OtherSource, d.OtherNumerator, d.OtherDenominator]);
    }

    /// <summary>Every recorded difference, ordered by indicator, year, authority and source.</summary>
    public static IReadOnlyList<SourceDifference> All(SqliteConnection conn) =>
        SqlRows.Read(conn,
            "SELECT indicator, la_code, year, child_numerator, child_denominator, other_source, other_numerator, other_denominator " +
            "FROM source_differences ORDER BY indicator, year, la_code, other_source",
            r => new SourceDifference(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetString(5), r.IntOrNull(6), r.IntOrNull(7)));
}
