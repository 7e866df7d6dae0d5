using Dapper;
using Microsoft.Data.Sqlite;

namespace Qp.Store;

/// <summary>Marks on the store as a whole (the store_marks table), such as that some of its returns are synthetic.</summary>
public static class StoreMarks
{
    /// <summary>The mark set when returns written by qp sample are imported; its value says where they came from.</summary>
    public const string Synthetic = "synthetic";

    /// <summary>Sets <paramref name="name"/> to <paramref name="value"/>; a mark once set stays (a store holding any synthetic return is synthetic).</summary>
    public static void Set(SqliteConnection conn, string name, string value) =>
        conn.Execute("INSERT INTO store_marks (name, value) VALUES (@name, @value) ON CONFLICT(name) DO NOTHING", new { name, value });

    /// <summary>The value of <paramref name="name"/>, or null when it is not set.</summary>
    public static string? Get(SqliteConnection conn, string name) =>
        conn.QuerySingleOrDefault<string?>("SELECT value FROM store_marks WHERE name = @name", new { name });
}
