using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Qp.Store;

/// <summary>Opens the SQLite store, creating and migrating it on first use.</summary>
public static class QpDatabase
{
    static QpDatabase()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
        SqlMapper.AddTypeHandler(new NullableDateOnlyHandler());
    }

    /// <summary>The schema version this build writes; <see cref="Migrations"/> brings older stores up to it.</summary>
    public static int CurrentVersion => Migrations.Length;

    // Migration n is Schema/00n_*.sql, applied in order inside one transaction each.
    private static readonly string[] Migrations = typeof(QpDatabase).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("Qp.Store.Schema.", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/>, with foreign keys on, WAL, and the schema migrated.</summary>
    public static SqliteConnection Open(string path)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var cs = new SqliteConnectionStringBuilder { DataSource = full, Pooling = false, DefaultTimeout = 30 }.ToString();
        var conn = new SqliteConnection(cs);
        conn.Open();
        // busy_timeout makes a second writer wait for the first instead of failing at once.
        conn.Execute("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL;");
        Migrate(conn);
        return conn;
    }

    /// <summary>The schema version recorded in the store.</summary>
    public static int SchemaVersion(SqliteConnection conn) =>
        conn.ExecuteScalar<int>("SELECT ifnull(max(version), 0) FROM schema_version");

    private static void Migrate(SqliteConnection conn)
    {
        conn.Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
        int version = SchemaVersion(conn);
        if (version > Migrations.Length)
            throw new StoreException($"the database has schema version {version}, newer than this qp ({Migrations.Length}); upgrade qp");
        for (int v = version + 1; v <= Migrations.Length; v++)
        {
            using var tx = conn.BeginTransaction(System.Data.IsolationLevel.Serializable);
            // Another process may have migrated while we waited for the lock.
            if (conn.ExecuteScalar<int>("SELECT count(*) FROM schema_version WHERE version = @v", new { v }, tx) > 0) { tx.Commit(); continue; }
            conn.Execute(ReadMigration(Migrations[v - 1]), transaction: tx);
            conn.Execute("INSERT INTO schema_version(version, applied_at) VALUES (@v, @at)",
                new { v, at = DateTime.UtcNow.ToString("O") }, tx);
            tx.Commit();
        }
    }

    private static string ReadMigration(string resource)
    {
        using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)!;
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override DateOnly Parse(object value) => DateOnly.ParseExact((string)value, "yyyy-MM-dd");
        public override void SetValue(System.Data.IDbDataParameter parameter, DateOnly value) => parameter.Value = value.ToString("yyyy-MM-dd");
    }

    private sealed class NullableDateOnlyHandler : SqlMapper.TypeHandler<DateOnly?>
    {
        public override DateOnly? Parse(object value) => value is string s ? DateOnly.ParseExact(s, "yyyy-MM-dd") : null;
        public override void SetValue(System.Data.IDbDataParameter parameter, DateOnly? value) =>
            parameter.Value = value is { } d ? d.ToString("yyyy-MM-dd") : DBNull.Value;
    }
}

/// <summary>A failure of the store that the user can act on (exit code 3).</summary>
public sealed class StoreException(string message) : Exception(message);
