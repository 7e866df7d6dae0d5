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

    /// <summary>The marker in every store's header (SQLite's application_id, "QPRS"): a database without it is not a qp store.</summary>
    public const int ApplicationId = 0x51505253;

    /// <summary>The schema version this build writes; <see cref="Migrations"/> brings older stores up to it.</summary>
    public static int CurrentVersion => Migrations.Length;

    // Migration n is Schema/00n_*.sql, applied in order inside one transaction each.
    private static readonly string[] Migrations = typeof(QpDatabase).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("Qp.Store.Schema.", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/>, with foreign keys on, WAL, and the schema migrated.</summary>
    /// <remarks>A store written by a newer qp is refused before anything in it changes (not even its journal mode); every failure names the file.</remarks>
    public static SqliteConnection Open(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new StoreException($"{full}: is a folder, not a store file");
        var dir = Path.GetDirectoryName(full);
        try
        {
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"{full}: cannot create the store's folder: {e.Message}");
        }
        if (LocalFile.KindOf(full) is FileKind.Pipe or FileKind.Device or FileKind.Other)
            throw new StoreException($"{full}: is not a regular file, so it cannot be a store");
        var cs = new SqliteConnectionStringBuilder { DataSource = full, Pooling = false, DefaultTimeout = 30 }.ToString();
        var conn = new SqliteConnection(cs);
        try
        {
            conn.Open();
            conn.Execute("PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;");
            RefuseNewer(conn, full);
            RefuseForeign(conn, full);
            // busy_timeout makes a second writer wait for the first instead of failing at once.
            conn.Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
            Migrate(conn, full);
            return conn;
        }
        catch (SqliteException e)
        {
            conn.Dispose();
            throw new StoreException($"{full}: {Explain(e)}");
        }
        catch
        {
            conn.Dispose();
            throw;
        }
    }

    /// <summary>Opens the existing store at <paramref name="path"/> read-only: nothing in it or beside it is changed, and a read-only file or folder is fine.</summary>
    /// <remarks>
    /// A store of another schema version is refused, naming the file; an older one must be upgraded by a writing command first. Where
    /// the file may be written, the connection is a query-only one (no statement can change the store) so that SQLite, closing it as
    /// the last connection, removes the -wal and -shm files a WAL store needs while it is read; elsewhere it is a read-only one.
    /// </remarks>
    public static SqliteConnection OpenReadOnly(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            return OpenReadOnly(full, SqliteOpenMode.ReadWrite, immutable: false);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 14 or 8)
        {
            // SQLITE_CANTOPEN / READONLY: the file or its folder cannot be written; read it as it is.
            try
            {
                return OpenReadOnly(full, SqliteOpenMode.ReadOnly, immutable: false);
            }
            catch (SqliteException e1) when (e1.SqliteErrorCode is 14 or 8)
            {
                // A WAL store in a folder we cannot write has no shared-memory file to read through; nobody can be writing where we cannot.
                try
                {
                    return OpenReadOnly(full, SqliteOpenMode.ReadOnly, immutable: true);
                }
                catch (SqliteException e2)
                {
                    throw new StoreException($"{full}: {Explain(e2)}");
                }
            }
            catch (SqliteException e1)
            {
                throw new StoreException($"{full}: {Explain(e1)}");
            }
        }
        catch (SqliteException e)
        {
            throw new StoreException($"{full}: {Explain(e)}");
        }
    }

    private static SqliteConnection OpenReadOnly(string full, SqliteOpenMode mode, bool immutable)
    {
        var source = immutable ? new Uri(full).AbsoluteUri + "?immutable=1" : full;
        var cs = new SqliteConnectionStringBuilder { DataSource = source, Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString();
        var conn = new SqliteConnection(cs);
        try
        {
            conn.Open();
            conn.Execute("PRAGMA query_only=1; PRAGMA busy_timeout=30000;");
            // Opening read-write on a file the OS protects quietly gives a read-only connection: that is fine, nothing is written.
            RefuseNewer(conn, full);
            RefuseForeign(conn, full);
            int version = conn.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'") == 0 ? 0 : SchemaVersion(conn);
            if (version < Migrations.Length)
                throw new StoreException(version == 0
                    ? $"{full}: not a qp store (no schema_version table); give the store written by qp import (--db)"
                    : $"{full}: the store has schema version {version}, older than this qp ({Migrations.Length}); run qp compute once to upgrade it");
            return conn;
        }
        catch
        {
            conn.Dispose();
            throw;
        }
    }

    // A store carries the marker; one written before the marker existed is known by its own tables. Any other database with
    // something in it belongs to someone else and is refused before anything in it changes (an empty one becomes a store).
    private static void RefuseForeign(SqliteConnection conn, string full)
    {
        if (conn.ExecuteScalar<long>("PRAGMA application_id") == ApplicationId) return;
        var tables = conn.Query<string>("SELECT name FROM sqlite_master").ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (tables.Count == 0 || tables.IsSupersetOf(["schema_version", "imports", "authorities"])) return;
        throw new StoreException($"{full}: not a qp store (an SQLite database written by something else); nothing in it was changed. Give a new file or a store written by qp (--db)");
    }

    // Refused before anything changes: a newer qp's store must not be switched to WAL or migrated by an older one.
    private static void RefuseNewer(SqliteConnection conn, string full)
    {
        if (conn.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'") == 0) return;
        int version = SchemaVersion(conn);
        if (version > Migrations.Length)
            throw new StoreException($"{full}: the store has schema version {version}, newer than this qp ({Migrations.Length}); upgrade qp");
    }

    private static string Explain(SqliteException e) => e.SqliteErrorCode switch
    {
        14 => "cannot open the store (is its folder missing or not writable?)",
        8 => "the store is read-only here; import and compute need write access to the file and its folder",
        26 => "not a SQLite database (is --db the right file?)",
        11 => "the store is corrupt (database disk image is malformed)",
        _ => $"database error: {e.Message}",
    };

    /// <summary>The schema version recorded in the store.</summary>
    public static int SchemaVersion(SqliteConnection conn) =>
        conn.ExecuteScalar<int>("SELECT ifnull(max(version), 0) FROM schema_version");

    private static void Migrate(SqliteConnection conn, string full)
    {
        conn.Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
        int version = SchemaVersion(conn);
        if (version > Migrations.Length)
            throw new StoreException($"{full}: the store has schema version {version}, newer than this qp ({Migrations.Length}); upgrade qp");
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
        if (conn.ExecuteScalar<long>("PRAGMA application_id") != ApplicationId) conn.Execute($"PRAGMA application_id = {ApplicationId}");
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
