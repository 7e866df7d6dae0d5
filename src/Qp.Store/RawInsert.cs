using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Qp.Store;

/// <summary>
/// A prepared INSERT on SQLite's own statement API, its parameters bound by position. Storing a national return runs it
/// millions of times: through <see cref="SqliteCommand"/> every row cost a boxed array of values, a type dispatch and a
/// by-name lookup per parameter, and a UTF-8 copy of every string, which made the store pass more than twice the raw insert.
/// </summary>
internal sealed unsafe class RawInsert : IDisposable
{
    private static readonly IntPtr Transient = new(-1); // SQLITE_TRANSIENT: SQLite copies the value before the call returns
    private readonly SqliteConnection conn;
    private readonly sqlite3_stmt stmt;
    private readonly IntPtr handle;

    /// <summary>Prepares <paramref name="sql"/> (parameters $1, $2, … in order) on <paramref name="conn"/>; it runs inside the connection's open transaction.</summary>
    public RawInsert(SqliteConnection conn, string sql)
    {
        this.conn = conn;
        Check(raw.sqlite3_prepare_v2(conn.Handle, sql, out stmt));
        // The statement outlives every bind below (it is finalized in Dispose), so its raw pointer is safe to use.
        handle = stmt.DangerousGetHandle();
    }

    /// <summary>Binds text (UTF-16, converted by SQLite) or NULL to parameter <paramref name="i"/> (1-based).</summary>
    public void Text(int i, string? value)
    {
        if (value is null)
        {
            Check(Native.sqlite3_bind_null(handle, i));
            return;
        }
        fixed (char* p = value) Check(Native.sqlite3_bind_text16(handle, i, p, value.Length * sizeof(char), Transient));
    }

    /// <summary>Binds a date as ISO yyyy-mm-dd text, or NULL.</summary>
    public void Date(int i, DateOnly? value)
    {
        if (value is not { } d)
        {
            Check(Native.sqlite3_bind_null(handle, i));
            return;
        }
        byte* s = stackalloc byte[10];
        Four(s, d.Year);
        s[4] = (byte)'-';
        Two(s + 5, d.Month);
        s[7] = (byte)'-';
        Two(s + 8, d.Day);
        Check(Native.sqlite3_bind_text(handle, i, s, 10, Transient));
    }

    /// <summary>Binds an integer or NULL.</summary>
    public void Int(int i, long? value) =>
        Check(value is { } v ? Native.sqlite3_bind_int64(handle, i, v) : Native.sqlite3_bind_null(handle, i));

    /// <summary>Binds a flag as 1/0, or NULL.</summary>
    public void Flag(int i, bool? value) => Int(i, value is { } b ? (b ? 1 : 0) : null);

    /// <summary>Inserts the row with the values bound, then makes the statement ready for the next one.</summary>
    public void Run()
    {
        int rc = raw.sqlite3_step(stmt);
        raw.sqlite3_reset(stmt);
        if (rc != raw.SQLITE_DONE) Check(rc);
    }

    /// <summary>Finalizes the statement.</summary>
    public void Dispose() => stmt.Dispose();

    private static void Four(byte* s, int v)
    {
        s[0] = (byte)('0' + v / 1000 % 10);
        s[1] = (byte)('0' + v / 100 % 10);
        s[2] = (byte)('0' + v / 10 % 10);
        s[3] = (byte)('0' + v % 10);
    }

    private static void Two(byte* s, int v)
    {
        s[0] = (byte)('0' + v / 10);
        s[1] = (byte)('0' + v % 10);
    }

    private void Check(int rc)
    {
        if (rc is raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE) return;
        throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(conn.Handle).utf8_to_string()}'.", rc);
    }

    // Binding only copies the value into the statement: no blocking, no callbacks, so the GC transition is skipped.
    private static class Native
    {
        private const string Library = "e_sqlite3";

        [DllImport(Library), SuppressGCTransition]
        public static extern int sqlite3_bind_null(IntPtr stmt, int i);

        [DllImport(Library), SuppressGCTransition]
        public static extern int sqlite3_bind_int64(IntPtr stmt, int i, long value);

        [DllImport(Library), SuppressGCTransition]
        public static extern int sqlite3_bind_text(IntPtr stmt, int i, byte* value, int bytes, IntPtr destructor);

        [DllImport(Library), SuppressGCTransition]
        public static extern int sqlite3_bind_text16(IntPtr stmt, int i, char* value, int bytes, IntPtr destructor);
    }
}
