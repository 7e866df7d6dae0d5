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
}
