using Microsoft.Data.Sqlite;
using Qp.Domain.Returns;
using SQLitePCL;

namespace Qp.Store;

/// <summary>
/// A read-only connection of its own for loading returns on one thread, opened without SQLite's per-connection mutex: every
/// column read through a <see cref="SqliteConnection"/> locks and unlocks it, which was a fifth of compute's time. Use one
/// reader per thread (WAL lets readers run beside each other and beside a writer).
/// </summary>
public sealed class ReturnReader : IDisposable
{
    private readonly sqlite3 db;

    private ReturnReader(sqlite3 db) => this.db = db;

    /// <summary>Opens the store file that <paramref name="conn"/> has open, read-only, for use by one thread.</summary>
    public static ReturnReader OpenBeside(SqliteConnection conn)
    {
        SQLitePCL.Batteries_V2.Init();
        int rc = raw.sqlite3_open_v2(conn.DataSource, out var db, raw.SQLITE_OPEN_READONLY | raw.SQLITE_OPEN_NOMUTEX, null);
        if (rc != raw.SQLITE_OK)
        {
            var message = db is null ? $"cannot open {conn.DataSource}" : raw.sqlite3_errmsg(db).utf8_to_string();
            db?.Dispose();
            throw new SqliteException($"SQLite Error {rc}: '{message}'.", rc);
        }
        raw.sqlite3_busy_timeout(db, 30000); // wait for a writer's checkpoint rather than fail, as QpDatabase.Open does
        return new ReturnReader(db);
    }

    /// <summary>The stored return for an authority and year, or null when there is none (as <see cref="ChildReturnStore.Load(SqliteConnection, int, int)"/>).</summary>
    public ChildLevelReturn? Load(int laCode, int year) => ChildReturnStore.Load(db, laCode, year);

    /// <summary>The authority's child protection registrations (as <see cref="ChildReturnStore.Registrations(SqliteConnection, int)"/>).</summary>
    public RegistrationHistory Registrations(int laCode) => ChildReturnStore.Registrations(db, laCode);

    /// <summary>Closes the connection.</summary>
    public void Dispose() => db.Dispose();
}
