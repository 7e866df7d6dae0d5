using Microsoft.Data.Sqlite;
using Qp.Domain.Returns;
using SQLitePCL;

namespace Qp.Store;

/// <summary>Child-level submissions: the current return per authority and year, read back for computation.</summary>
public static partial class ChildReturnStore
{
    /// <summary>Every stored submission's authority and year, ordered by authority then year.</summary>
    public static IReadOnlyList<(int LaCode, int Year)> Submissions(SqliteConnection conn) =>
        SqlRows.Read(conn, "SELECT la_code, year FROM submissions ORDER BY la_code, year", r => (r.GetInt32(0), r.GetInt32(1)));

    /// <summary>The stored return for an authority and year, or null when there is none.</summary>
    public static ChildLevelReturn? Load(SqliteConnection conn, int laCode, int year) => Load(conn.Handle!, laCode, year);

    internal static ChildLevelReturn? Load(sqlite3 db, int laCode, int year)
    {
        var pool = new TextPool();
        long? id = null;
        using (var r = new RawRows(db, "SELECT id FROM submissions WHERE la_code = $1 AND year = $2", pool, laCode, year))
            if (r.Read()) id = r.Long(0);
        if (id is not { } s) return null;
        // One query per table, read through SQLite's statement API with one string per distinct short value (RawRows).
        var headers = ReadAll(db, pool, "SELECT child, sex, dob, ethnic, upn, mother, mc_dob FROM children WHERE submission_id = $1 ORDER BY child", s,
            r => new ChildHeader(r.Text(0)!, r.Text(1)!, r.Date(2)!.Value, r.Text(3), r.Text(4), r.Text(5), r.Date(6)));
        var episodes = ReadAll(db, pool,
            "SELECT child, decom, rne, ls, cin, place, place_provider, dec, rec, reason_place_change, home_post, pl_post, urn " +
            "FROM episodes WHERE submission_id = $1 ORDER BY child, decom", s,
            r => new Episode(r.Text(0)!, r.Date(1)!.Value, r.Text(2)!, r.Text(3)!, r.Text(4), r.Text(5), r.Text(6),
                r.Date(7), r.Text(8), r.Text(9), r.Text(10), r.Text(11), r.Text(12)));
        var oc1 = ReadAll(db, pool, "SELECT child, dob, qual_gcse_gnvq, qual_5ac FROM oc1 WHERE submission_id = $1", s,
            r => new Oc1Record(r.Text(0)!, r.Date(1), r.Flag(2), r.Flag(3)));
        var oc2 = ReadAll(db, pool,
            "SELECT child, dob, sdq_score, sdq_reason, convicted, health_check, immunisations, teeth_check, health_assessment, " +
            "substance_misuse, intervention_received, intervention_offered FROM oc2 WHERE submission_id = $1", s,
            r => new Oc2Record(r.Text(0)!, r.Date(1), r.Int(2), r.Text(3), r.Flag(4), r.Flag(5), r.Flag(6), r.Flag(7),
                r.Flag(8), r.Flag(9), r.Flag(10), r.Flag(11)));
        var cpr = ReadAll(db, pool, "SELECT child, dob, reg_date, dereg_date, category, prev_reg FROM cpr WHERE submission_id = $1 ORDER BY child, reg_date", s,
            r => new CprRecord(r.Text(0)!, r.Date(1), r.Date(2)!.Value, r.Date(3), r.Text(4), r.Flag(5)));
        return new ChildLevelReturn(laCode, year, headers, episodes, oc1, oc2, cpr);
    }

    /// <summary>
    /// What the previous-year rules read of the stored return for an authority and year, or null when none is stored: the rows of
    /// <paramref name="tables"/> as a return writes them, each row's values in the order of the columns given for
    /// its table (Header from the children table, Episodes from episodes, the others from their stored JSON; dates dd/mm/yyyy,
    /// blank cells null, columns the store does not hold null). One query per table, whatever the number of children.
    /// </summary>
    public static StoredFacts? FactsOf(SqliteConnection conn, int laCode, int year, IReadOnlyDictionary<string, IReadOnlyList<string>> tables)
    {
        sqlite3 db = conn.Handle!;
        var pool = new TextPool();
        long? id = null;
        using (var r = new RawRows(db, "SELECT id FROM submissions WHERE la_code = $1 AND year = $2", pool, laCode, year))
            if (r.Read()) id = r.Long(0);
        if (id is not { } s) return null;
        var rows = new List<StoredRow>();
        var dates = new DmyDates();
        if (tables.TryGetValue("Header", out var headerColumns))
        {
            var at = Positions(HeaderColumns, headerColumns);
            using var r = new RawRows(db, "SELECT child, sex, dob, ethnic, upn, mother, mc_dob FROM children WHERE submission_id = $1 ORDER BY child", pool, s);
            while (r.Read())
            {
                var v = new string?[headerColumns.Count];
                Put(v, at, 0, r.Text(0));
                Put(v, at, 1, r.Text(1));
                Put(v, at, 2, dates.Of(r.Date(2)));
                Put(v, at, 3, r.Text(3));
                Put(v, at, 4, r.Text(4));
                Put(v, at, 5, r.Text(5));
                Put(v, at, 6, dates.Of(r.Date(6)));
                rows.Add(new StoredRow("Header", r.Text(0)!, v));
            }
        }
        if (tables.TryGetValue("Episodes", out var episodeColumns))
        {
            var at = Positions(EpisodeColumns, episodeColumns);
            using var r = new RawRows(db,
                "SELECT child, decom, rne, ls, cin, place, place_provider, dec, rec, reason_place_change, home_post, pl_post, urn " +
                "FROM episodes WHERE submission_id = $1 ORDER BY child, decom", pool, s);
            while (r.Read())
            {
                var v = new string?[episodeColumns.Count];
                for (int i = 0; i < EpisodeColumns.Length; i++) Put(v, at, i, i is 1 or 7 ? dates.Of(r.Date(i)) : r.Text(i));
                rows.Add(new StoredRow("Episodes", r.Text(0)!, v));
            }
        }
        var others = tables.Where(t => t.Key is not ("Header" or "Episodes"))
            .ToDictionary(t => t.Key, t => (Columns: t.Value, Index: t.Value.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal)), StringComparer.Ordinal);
        if (others.Count > 0)
        {
            // Rows of other tables (Reviews, SWEpisodes, …) are skipped before their JSON is decoded; the JSON is read in place.
            using var r = new RawRows(db, "SELECT table_name, row_json FROM other_rows WHERE submission_id = $1 ORDER BY rowid", pool, s);
            while (r.Read())
            {
                if (r.Text(0) is not { } table || !others.TryGetValue(table, out var t) || !r.Bytes(1, out var json)) continue;
                var v = new string?[t.Columns.Count];
                var reader = new System.Text.Json.Utf8JsonReader(json);
                reader.Read();
                while (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.PropertyName)
                {
                    int i = t.Index.GetValueOrDefault(reader.GetString()!, -1);
                    reader.Read();
                    if (i >= 0 && reader.TokenType == System.Text.Json.JsonTokenType.String) v[i] = Clean(reader.GetString());
                    else reader.Skip(); // the store writes strings only; anything else is passed over whole
                }
                int child = t.Index.GetValueOrDefault("CHILD", -1);
                rows.Add(new StoredRow(table, child >= 0 ? v[child] ?? "" : "", v));
            }
        }
        var (earlier, first) = History(db, pool, laCode, year);
        return new StoredFacts(rows) { EarlierInCare = earlier, HistoryFrom = first };
    }

    /// <summary>
    /// What the authority's returns stored for years before <paramref name="year"/> say of a return for that year known from elsewhere
    /// (a file given as last year's): as <see cref="StoredFacts.EarlierInCare"/> and <see cref="StoredFacts.HistoryFrom"/> say, whether or
    /// not a return for <paramref name="year"/> is stored.
    /// </summary>
    public static (IReadOnlySet<string> EarlierInCare, int HistoryFrom) HistoryBefore(SqliteConnection conn, int laCode, int year) =>
        History(conn.Handle!, new TextPool(), laCode, year);

    private static (IReadOnlySet<string> EarlierInCare, int HistoryFrom) History(sqlite3 db, TextPool pool, int laCode, int year)
    {
        // Children looked after in any return stored before this one: care the two compared years cannot show.
        var earlier = new HashSet<string>(StringComparer.Ordinal);
        using (var r = new RawRows(db, "SELECT DISTINCT e.child FROM episodes e JOIN submissions s ON s.id = e.submission_id WHERE s.la_code = $1 AND s.year < $2",
                   pool, laCode, year))
            while (r.Read()) earlier.Add(r.Text(0)!);
        // The stored years run back without a gap from this one to the first whose episodes are known.
        int first = year;
        using (var r = new RawRows(db, "SELECT DISTINCT year FROM submissions WHERE la_code = $1 AND year < $2 ORDER BY year DESC", pool, laCode, year))
            while (r.Read() && r.Long(0) == first - 1) first--;
        return (earlier, first);
    }

    private static readonly string[] HeaderColumns = ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"];

    private static readonly string[] EpisodeColumns =
        ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"];

    // Where each stored column goes among the columns asked for (-1: not asked for).
    private static int[] Positions(string[] stored, IReadOnlyList<string> asked) =>
        stored.Select(c => asked.Select((a, i) => (a, i)).FirstOrDefault(p => p.a == c, (a: "", i: -1)).i).ToArray();

    private static void Put(string?[] values, int[] at, int column, string? value)
    {
        if (at[column] >= 0) values[at[column]] = Clean(value);
    }

    // Blank cells are null and values are trimmed, as a return's reader gives them.
    private static string? Clean(string? v) =>
        string.IsNullOrEmpty(v) ? null : !char.IsWhiteSpace(v[0]) && !char.IsWhiteSpace(v[^1]) ? v : string.IsNullOrWhiteSpace(v) ? null : v.Trim();

    // Dates as a return writes them (dd/mm/yyyy); a return has few distinct dates, so each is formatted once.
    private sealed class DmyDates
    {
        private readonly Dictionary<DateOnly, string> formatted = [];

        public string? Of(DateOnly? d)
        {
            if (d is not { } x) return null;
            if (!formatted.TryGetValue(x, out var s)) formatted[x] = s = x.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
            return s;
        }
    }

    private static List<T> ReadAll<T>(sqlite3 db, TextPool pool, string sql, long submissionId, Func<RawRows, T> map)
    {
        using var rows = new RawRows(db, sql, pool, submissionId);
        var list = new List<T>();
        while (rows.Read()) list.Add(map(rows));
        return list;
    }

    /// <summary>Children of an authority registered on the child protection register before collection year <paramref name="year"/> began, by any stored return.</summary>
    public static IReadOnlySet<string> EarlierRegistrations(SqliteConnection conn, int laCode, int year) => Registrations(conn, laCode).Before(year);

    /// <summary>Every child protection registration of an authority in any stored return: read once and asked for each year (<see cref="RegistrationHistory.Before"/>).</summary>
    public static RegistrationHistory Registrations(SqliteConnection conn, int laCode) => Registrations(conn.Handle!, laCode);

    internal static RegistrationHistory Registrations(sqlite3 db, int laCode) =>
        new(ReadAll(db, new TextPool(), "SELECT c.reg_date, c.child FROM cpr c JOIN submissions s ON s.id = c.submission_id WHERE s.la_code = $1", laCode,
            r => (r.Text(0)!, r.Text(1)!)));
}

/// <summary>An authority's child protection registrations across its stored returns.</summary>
public sealed class RegistrationHistory
{
    // Sorted by ISO date text with ordinal comparison, which is how SQLite compares the stored text.
    private readonly (string RegDate, string Child)[] byDate;

    internal RegistrationHistory(IEnumerable<(string RegDate, string Child)> registrations) =>
        byDate = registrations.OrderBy(r => r.RegDate, StringComparer.Ordinal).ToArray();

    /// <summary>The children registered before collection year <paramref name="year"/> began.</summary>
    public IReadOnlySet<string> Before(int year)
    {
        var start = Qp.Domain.CollectionYear.Start(year).ToString("yyyy-MM-dd");
        var children = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (regDate, child) in byDate)
        {
            if (string.CompareOrdinal(regDate, start) >= 0) break;
            children.Add(child);
        }
        return children;
    }
}

/// <summary>What the previous-year rules read of one stored return.</summary>
/// <param name="Rows">The rows of the tables asked for, by table, as a return writes them.</param>
public sealed record StoredFacts(IReadOnlyList<StoredRow> Rows)
{
    /// <summary>The children with an episode in a return of the same authority stored for an earlier year than this one.</summary>
    public IReadOnlySet<string> EarlierInCare { get; init; } = new HashSet<string>();

    /// <summary>The first collection year of the unbroken run of the authority's stored returns that ends with this one.</summary>
    public int HistoryFrom { get; init; }
}

/// <summary>One stored row as a return writes it, its values in the order of the columns asked for.</summary>
/// <param name="Table">The table's name (Header, Episodes, UASC, …).</param>
/// <param name="Child">The child's identifier.</param>
/// <param name="Values">The values in the order of the columns asked for (dates dd/mm/yyyy; blank cells null).</param>
public sealed record StoredRow(string Table, string Child, string?[] Values);


