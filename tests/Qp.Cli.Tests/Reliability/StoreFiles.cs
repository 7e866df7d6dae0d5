using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Qp.Cli.Tests.Reliability;

/// <summary>Looks at a store from outside: its bytes, its integrity and its current submissions.</summary>
public static class StoreFiles
{
    /// <summary>SHA-256 over the database file and its WAL (when present): equal hashes mean a byte-for-byte unchanged store.</summary>
    public static string Hash(string db)
    {
        using var sha = SHA256.Create();
        foreach (var f in new[] { db, db + "-wal" })
        {
            if (!File.Exists(f)) continue;
            var bytes = File.ReadAllBytes(f);
            sha.TransformBlock(bytes, 0, bytes.Length, null, 0);
        }
        sha.TransformFinalBlock([], 0, 0);
        return Convert.ToHexString(sha.Hash!);
    }

    /// <summary>Runs a scalar query on a fresh read-only connection.</summary>
    public static T Scalar<T>(string db, string sql)
    {
        using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return (T)Convert.ChangeType(cmd.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>PRAGMA integrity_check's answer ("ok" when the file is sound).</summary>
    public static string IntegrityCheck(string db) => Scalar<string>(db, "PRAGMA integrity_check");

    /// <summary>Data rows (lines after the header) of a CSV file without quoted newlines.</summary>
    public static int DataRows(string csv) => File.ReadLines(csv).Skip(1).Count(l => l.Length > 0);
}
