using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Qp.Store;

/// <summary>
/// A forward-only query on SQLite's own statement API, reading text as UTF-8 bytes in place. Loading a return reads millions
/// of short codes and ISO dates: through <see cref="SqliteDataReader"/> every one of them costs a decoded string (and a date
/// an exact-format parse) and several safe-handle calls, which made loading eight times slower than counting.
/// </summary>
internal sealed unsafe class RawRows : IDisposable
{
    private readonly sqlite3 db;
    private readonly sqlite3_stmt stmt;
    private readonly IntPtr handle;
    private readonly TextPool pool;

    /// <summary>Prepares <paramref name="sql"/> on connection <paramref name="db"/> with its integer parameters bound in order ($1, $2, …).</summary>
    public RawRows(sqlite3 db, string sql, TextPool pool, params long[] parameters)
    {
        this.db = db;
        this.pool = pool;
        Check(raw.sqlite3_prepare_v2(db, sql, out stmt));
        for (int i = 0; i < parameters.Length; i++) Check(raw.sqlite3_bind_int64(stmt, i + 1, parameters[i]));
        // The statement outlives every column read below (it is finalized in Dispose), so its raw pointer is safe to use.
        handle = stmt.DangerousGetHandle();
    }

    /// <summary>Moves to the next row; false after the last.</summary>
    public bool Read()
    {
        int rc = raw.sqlite3_step(stmt);
        if (rc == raw.SQLITE_ROW) return true;
        if (rc == raw.SQLITE_DONE) return false;
        Check(rc);
        return false;
    }

    /// <summary>Whether column <paramref name="i"/> is NULL.</summary>
    public bool IsNull(int i) => Native.sqlite3_column_type(handle, i) == raw.SQLITE_NULL;

    /// <summary>The text of column <paramref name="i"/>, or null; equal short values share one string.</summary>
    public string? Text(int i) => Utf8(i, out var bytes) ? pool.Get(bytes) : null;

    /// <summary>The text of column <paramref name="i"/>, or null, as a string of its own: for values that rarely repeat (URNs, postcodes), which would only fill the pool.</summary>
    public string? UniqueText(int i) => Utf8(i, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>The 64-bit integer in column <paramref name="i"/> (0 when NULL).</summary>
    public long Long(int i) => Native.sqlite3_column_int64(handle, i);

    /// <summary>The integer in column <paramref name="i"/>, or null.</summary>
    public int? Int(int i) => IsNull(i) ? null : (int)Native.sqlite3_column_int64(handle, i);

    /// <summary>The 0/1 flag in column <paramref name="i"/>, or null.</summary>
    public bool? Flag(int i) => IsNull(i) ? null : Native.sqlite3_column_int64(handle, i) != 0;

    /// <summary>The ISO yyyy-mm-dd date in column <paramref name="i"/>, or null.</summary>
    public DateOnly? Date(int i) => Utf8(i, out var bytes) ? IsoDate(bytes) : null;

    /// <summary>The UTF-8 text of column <paramref name="i"/> in place (valid until the next <see cref="Read"/>); false when NULL.</summary>
    public bool Bytes(int i, out ReadOnlySpan<byte> bytes) => Utf8(i, out bytes);

    // sqlite3_column_text is NULL exactly when the value is NULL (an empty text gives a pointer to ""); the length is read after it, as SQLite requires.
    private bool Utf8(int i, out ReadOnlySpan<byte> bytes)
    {
        byte* p = Native.sqlite3_column_text(handle, i);
        if (p == null)
        {
            bytes = default;
            return false;
        }
        bytes = new ReadOnlySpan<byte>(p, Native.sqlite3_column_bytes(handle, i));
        return true;
    }

    /// <summary>Parses yyyy-mm-dd by hand; anything else goes through the exact-format parser, which reports it.</summary>
    internal static DateOnly IsoDate(ReadOnlySpan<byte> s)
    {
        if (s.Length == 10 && s[4] == '-' && s[7] == '-' && Digits(s, 0, 4, out int y) && Digits(s, 5, 2, out int m) && Digits(s, 8, 2, out int d)
            && m is >= 1 and <= 12 && y >= 1 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
            return new DateOnly(y, m, d);
        return DateOnly.ParseExact(Encoding.UTF8.GetString(s), "yyyy-MM-dd");
    }

    private static bool Digits(ReadOnlySpan<byte> s, int at, int count, out int value)
    {
        value = 0;
        for (int k = at; k < at + count; k++)
        {
            int digit = s[k] - '0';
            if ((uint)digit > 9) return false;
            value = value * 10 + digit;
        }
        return true;
    }

    private void Check(int rc)
    {
        if (rc is raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE) return;
        throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(db).utf8_to_string()}'.", rc);
    }

    /// <summary>Finalizes the statement.</summary>
    public void Dispose() => stmt.Dispose();

    // The column accessors called straight into the e_sqlite3 library that Microsoft.Data.Sqlite loads: they only read the
    // current row, never block or call back, so the GC transition (most of a safe-handle call's cost) is skipped.
    private static class Native
    {
        private const string Library = "e_sqlite3";

        [DllImport(Library), SuppressGCTransition]
        public static extern int sqlite3_column_type(IntPtr stmt, int i);

        [DllImport(Library), SuppressGCTransition]
        public static extern byte* sqlite3_column_text(IntPtr stmt, int i);

        [DllImport(Library), SuppressGCTransition]
        public static extern int sqlite3_column_bytes(IntPtr stmt, int i);

        [DllImport(Library), SuppressGCTransition]
        public static extern long sqlite3_column_int64(IntPtr stmt, int i);
    }
}

/// <summary>
/// Strings of up to eight UTF-8 bytes, decoded once and shared: codes (RNE, LS, PLACE, REC…), short child identifiers,
/// postcode districts and URNs repeat across a return's rows, so a return holds one string per distinct value.
/// </summary>
internal sealed class TextPool
{
    private readonly Dictionary<ulong, string>[] byLength = Enumerable.Range(0, 9).Select(_ => new Dictionary<ulong, string>(Spread.Instance)).ToArray();

    /// <summary>The string of <paramref name="utf8"/>.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > 8) return Encoding.UTF8.GetString(utf8);
        ulong key = 0;
        for (int i = utf8.Length - 1; i >= 0; i--) key = key << 8 | utf8[i];
        var map = byLength[utf8.Length];
        if (!map.TryGetValue(key, out var s))
        {
            s = Encoding.UTF8.GetString(utf8);
            map.Add(key, s);
        }
        return s;
    }

    // ulong's own hash XORs its halves, which cancels out the digits of values like SC341199 (URNs) and chains them.
    private sealed class Spread : IEqualityComparer<ulong>
    {
        public static readonly Spread Instance = new();

        public bool Equals(ulong x, ulong y) => x == y;

        public int GetHashCode(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> 32);
    }
}
