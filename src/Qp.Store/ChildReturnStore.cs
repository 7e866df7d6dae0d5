using Microsoft.Data.Sqlite;
using Qp.Domain.Returns;

namespace Qp.Store;

/// <summary>Child-level submissions: the current return per authority and year, read back for computation.</summary>
public static partial class ChildReturnStore
{
    /// <summary>Every stored submission's authority and year, ordered by authority then year.</summary>
    public static IReadOnlyList<(int LaCode, int Year)> Submissions(SqliteConnection conn) =>
        SqlRows.Read(conn, "SELECT la_code, year FROM submissions ORDER BY la_code, year", r => (r.GetInt32(0), r.GetInt32(1)));

    /// <summary>The stored return for an authority and year, or null when there is none.</summary>
    public static ChildLevelReturn? Load(SqliteConnection conn, int laCode, int year)
    {
        var ids = SqlRows.Read(conn, "SELECT id FROM submissions WHERE la_code = $la AND year = $y", r => r.GetInt64(0), ("$la", laCode), ("$y", year));
        if (ids.Count == 0) return null;
        var s = ("$s", (object?)ids[0]);
        var headers = SqlRows.Read(conn, "SELECT child, sex, dob, ethnic, upn, mother, mc_dob FROM children WHERE submission_id = $s ORDER BY child",
            r => new ChildHeader(r.GetString(0), r.GetString(1), r.DateOrNull(2)!.Value, r.TextOrNull(3), r.TextOrNull(4), r.TextOrNull(5), r.DateOrNull(6)), s);
        var episodes = SqlRows.Read(conn,
            "SELECT child, decom, rne, ls, cin, place, place_provider, dec, rec, reason_place_change, home_post, pl_post, urn " +
            "FROM episodes WHERE submission_id = $s ORDER BY child, decom",
            r => new Episode(r.GetString(0), r.DateOrNull(1)!.Value, r.GetString(2), r.GetString(3), r.TextOrNull(4), r.TextOrNull(5), r.TextOrNull(6),
                r.DateOrNull(7), r.TextOrNull(8), r.TextOrNull(9), r.TextOrNull(10), r.TextOrNull(11), r.TextOrNull(12)), s);
        var oc1 = SqlRows.Read(conn, "SELECT child, dob, qual_gcse_gnvq, qual_5ac FROM oc1 WHERE submission_id = $s",
            r => new Oc1Record(r.GetString(0), r.DateOrNull(1), Flag(r, 2), Flag(r, 3)), s);
        var oc2 = SqlRows.Read(conn,
            "SELECT child, dob, sdq_score, sdq_reason, convicted, health_check, immunisations, teeth_check, health_assessment, " +
            "substance_misuse, intervention_received, intervention_offered FROM oc2 WHERE submission_id = $s",
            r => new Oc2Record(r.GetString(0), r.DateOrNull(1), r.IntOrNull(2), r.TextOrNull(3), Flag(r, 4), Flag(r, 5), Flag(r, 6), Flag(r, 7),
                Flag(r, 8), Flag(r, 9), Flag(r, 10), Flag(r, 11)), s);
        var cpr = SqlRows.Read(conn, "SELECT child, dob, reg_date, dereg_date, category, prev_reg FROM cpr WHERE submission_id = $s ORDER BY child, reg_date",
            r => new CprRecord(r.GetString(0), r.DateOrNull(1), r.DateOrNull(2)!.Value, r.DateOrNull(3), r.TextOrNull(4), Flag(r, 5)), s);
        return new ChildLevelReturn(laCode, year, headers, episodes, oc1, oc2, cpr);
    }

    /// <summary>Children of an authority registered on the child protection register before collection year <paramref name="year"/> began, by any stored return.</summary>
    public static IReadOnlySet<string> EarlierRegistrations(SqliteConnection conn, int laCode, int year) =>
        SqlRows.Read(conn,
            "SELECT DISTINCT c.child FROM cpr c JOIN submissions s ON s.id = c.submission_id WHERE s.la_code = $la AND c.reg_date < $start",
            r => r.GetString(0), ("$la", laCode), ("$start", Qp.Domain.CollectionYear.Start(year).ToString("yyyy-MM-dd"))).ToHashSet();

    private static bool? Flag(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i) != 0;
}
