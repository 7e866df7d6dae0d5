using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Qp.Domain.Results;

namespace Qp.Store;

/// <summary>The aggregate_figures table: QP aggregate returns and DfE published statistics.</summary>
public static class AggregateStore
{
    private const string Columns = "import_id, source, level, la_code, area_code, area_name, year, indicator, numerator, denominator, value, note";

    /// <summary>
    /// Stores <paramref name="figures"/> read from <paramref name="path"/> in one transaction with its imports row (kind, accepted)
    /// and import_files row; a figure for the same source, area, year and indicator replaces the stored one. Returns the import id.
    /// </summary>
    public static long Import(SqliteConnection conn, string kind, string path, IReadOnlyCollection<AggregateFigure> figures, string message)
    {
        using var tx = conn.BeginTransaction();
        long importId = RecordImport(conn, tx, kind, path, figures.Count, message);
        // INSERT OR REPLACE: the unique key (source, level, area, year, indicator) makes a re-import replace the earlier figure.
        SqlRows.Insert(conn, tx, "aggregate_figures", Columns, figures,
            f => [importId, f.Source, f.Level, f.LaCode, f.AreaCode, f.AreaName, f.Year, f.Indicator, f.Numerator, f.Denominator, f.Value, f.Note],
            verb: "INSERT OR REPLACE");
        tx.Commit();
        return importId;
    }

    /// <summary>Records an imports row (and its import_files row, with the file's SHA-256) for a reference file inside <paramref name="tx"/>; returns its id.</summary>
    public static long RecordImport(SqliteConnection conn, SqliteTransaction tx, string kind, string path, int rows, string message)
    {
        string sha256;
        using (var bytes = File.OpenRead(path)) sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO imports(kind, imported_at, outcome, message, content_hash) VALUES ($k, $at, 'accepted', $m, $h) RETURNING id";
        cmd.Parameters.AddWithValue("$k", kind);
        cmd.Parameters.AddWithValue("$at", DateTime.UtcNow.ToString("O"));
        cmd.Parameters.AddWithValue("$m", message);
        cmd.Parameters.AddWithValue("$h", sha256);
        long id = (long)cmd.ExecuteScalar()!;
        using var file = conn.CreateCommand();
        file.Transaction = tx;
        file.CommandText = "INSERT INTO import_files(import_id, file_name, sha256, table_name, row_count) VALUES ($i, $f, $h, $t, $n)";
        file.Parameters.AddWithValue("$i", id);
        file.Parameters.AddWithValue("$f", Path.GetFileName(path));
        file.Parameters.AddWithValue("$h", sha256);
        file.Parameters.AddWithValue("$t", kind);
        file.Parameters.AddWithValue("$n", rows);
        file.ExecuteNonQuery();
        return id;
    }

    /// <summary>Every stored figure, ordered by indicator, year, source, level and area.</summary>
    public static IReadOnlyList<AggregateFigure> All(SqliteConnection conn) =>
        SqlRows.Read(conn,
            "SELECT source, level, la_code, area_code, area_name, year, indicator, numerator, denominator, value, note FROM aggregate_figures " +
            "ORDER BY indicator, year, source, level, la_code, area_code",
            r => new AggregateFigure(r.GetString(0), r.GetString(1), r.IntOrNull(2), r.TextOrNull(3), r.TextOrNull(4), r.GetInt32(5), r.GetString(6),
                r.IntOrNull(7), r.IntOrNull(8), r.IsDBNull(9) ? null : r.GetDouble(9), r.TextOrNull(10)));
}
