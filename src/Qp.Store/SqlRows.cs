using Microsoft.Data.Sqlite;

namespace Qp.Store;

/// <summary>Reads query rows with a hand-written mapper: positional records with int members, which Dapper cannot construct from SQLite's 64-bit integers.</summary>
public static class SqlRows
{
    /// <summary>Runs <paramref name="sql"/> and maps every row with <paramref name="map"/>.</summary>
    public static List<T> Read<T>(SqliteConnection conn, string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(map(r));
        return list;
    }

    /// <summary>The text in column <paramref name="i"/>, or null.</summary>
    public static string? TextOrNull(this SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>The integer in column <paramref name="i"/>, or null.</summary>
    public static int? IntOrNull(this SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

    /// <summary>The ISO date in column <paramref name="i"/>, or null.</summary>
    public static DateOnly? DateOrNull(this SqliteDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd");

    /// <summary>
    /// Inserts every row with one prepared command inside <paramref name="tx"/>; <paramref name="columns"/> is the
    /// comma-separated column list and <paramref name="values"/> gives a row's values in that order (null stored as NULL).
    /// </summary>
    public static void Insert<T>(SqliteConnection conn, SqliteTransaction tx, string table, string columns, IEnumerable<T> rows,
        Func<T, object?[]> values, string verb = "INSERT")
    {
        var names = columns.Split(", ");
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"{verb} INTO {table} ({columns}) VALUES ({string.Join(", ", names.Select((_, i) => "$p" + i))})";
        var ps = names.Select((_, i) => cmd.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        cmd.Prepare();
        foreach (var row in rows)
        {
            var v = values(row);
            for (int i = 0; i < ps.Length; i++) ps[i].Value = v[i] ?? DBNull.Value;
            cmd.ExecuteNonQuery();
        }
    }
}
