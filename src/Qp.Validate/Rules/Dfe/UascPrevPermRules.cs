using System.Globalization;
using static Qp.Validate.Rules.Dfe.D;

namespace Qp.Validate.Rules.Dfe;

/// <summary>The DfE's rules on UASC (unaccompanied asylum-seeking children) that read only this year's return.</summary>
public static class UascRules
{
    private static readonly TableSchema T = Tables.Uasc;

    /// <summary>Row rules.</summary>
    public static readonly IReadOnlyList<RowRule> Row =
    [
        Row("104", Since2023, T, ["DUC"], "DUC (the date the child ceased to be UASC), when given, is a valid date not before the start of the collection year",
            (r, c) => r["DUC"] is { } v && (Dt(r, "DUC") is not { } d ? true : d < c.YearStart)
                ? ("DUC", Dt(r, "DUC") is { } dd ? $"DUC {Codes.Show(dd)} is before the start of the collection year" : $"DUC '{v}' is not a valid date (dd/mm/yyyy)") : null),
        Row("304", Since2023, T, ["DUC", "DOB"], "DUC is not after the child's 18th birthday",
            (r, _) => Dt(r, "DUC") is { } d && Dt(r, "DOB") is { } dob && d > dob.AddYears(18) ? ("DUC", "DUC is after the child's 18th birthday") : null),
    ];

    /// <summary>Whether <paramref name="row"/> comes from a return in the DfE's XML (whose HEADER carries the UASC flag).</summary>
    public static bool IsXml(SourceRow row) => row.Row.File.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);

    /// <summary>The rules on the UASC flag of an XML return's HEADER (a CSV return has no such field; its UASC table says the same).</summary>
    public static readonly IReadOnlyList<RowRule> HeaderRow =
    [
        // Only XML carries the flag, so only XML is checked, as the open validator does; a blank flag is not completed.
        Row("105", Since2023, Tables.Header, ["UASC"], "In a return in the DfE's XML, the UASC flag of each child's HEADER is 0 or 1",
            (r, _) => IsXml(r) && r["UASC"] is not ("0" or "1") ? ("UASC", r["UASC"] is { } v ? $"UASC '{v}' is not 0 or 1" : "UASC is blank") : null),
    ];

    /// <summary>Per-child rules.</summary>
    public static readonly IReadOnlyList<ChildRule> Child =
    [
        Child("303", Since2023, "Header", ["UASC", "DUC"], "A child with a date UASC status ceased (DUC) has the UASC flag 1, where the return gives the flag (XML)",
            (c, ctx, rule) =>
            {
                if (c.GivesUascFlag && c.UascFlag != "1" && c.Rows(T).Any(r => r["DUC"] is not null))
                    ctx.Report(rule, c.UascFlagAt, c.UascFlag is null ? "DUC is given but the UASC flag is blank" : $"DUC is given but the UASC flag is {c.UascFlag}, not 1");
            }),
        Child("231", "Header", ["DOB"], "An unaccompanied asylum-seeking child is expected to be 11 or over at 31 March: check the DOB",
            (c, ctx, rule) =>
            {
                if (c.Has(T) && c.Dob is { } dob && dob > ctx.YearEnd.AddYears(-11) && c.HeaderRows.Count > 0)
                    ctx.Report(rule, c.HeaderRows[0], "the child is UASC but under 11 at 31 March; please check the date of birth");
            }, YearsInForce.Since(2025), W),
    ];
}

/// <summary>The DfE's rules on PrevPerm (permanence before the child came into care).</summary>
public static class PrevPermRules
{
    private static readonly TableSchema T = Tables.PrevPerm;

    private static readonly string[] Fields = ["PREV_PERM", "LA_PERM", "DATE_PERM"];

    /// <summary>PREV_PERM: adoption, special guardianship, residence or child arrangements order, or none (Z1).</summary>
    private static readonly CodeList PrevPermCodes = CodeList.Of("P1", "P2", "P3", "P4", "Z1");

    /// <summary>The old local authority codes LA_PERM may hold, and the codes for outside England.</summary>
    private static readonly HashSet<string> LaPerm = new((
        "800,889,822,301,304,303,330,825,837,302,846,370,350,890,867,380,305,801,351,873,823,895,896,381,909,202,908,331,306,841,830," +
        "831,878,371,835,332,840,307,308,811,881,845,390,916,203,876,850,311,204,884,312,205,313,805,919,310,309,420,921,206,207,886," +
        "810,382,314,340,888,208,856,383,855,209,925,341,201,821,352,806,887,826,315,929,812,391,926,892,813,802,928,891,392,316,815," +
        "353,931,879,836,851,874,807,354,317,870,318,372,857,333,935,343,803,373,342,893,356,355,871,394,334,933,882,936,861,852,319," +
        "860,808,393,866,210,357,894,883,880,358,211,937,869,320,359,865,384,335,336,212,868,872,885,344,877,213,938,816,999,WAL,SCO,NUK,NIR").Split(','),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>DATE_PERM, where an unknown day or month is ZZ: the latest date it can mean; null when blank or invalid.</summary>
    public static DateOnly? PermDate(string? v)
    {
        if (v is null) return null;
        var p = v.Split('/');
        if (p.Length != 3) return null;
        bool zzDay = p[0] == "ZZ", zzMonth = p[1] == "ZZ";
        if (!int.TryParse(zzDay ? "01" : p[0], NumberStyles.None, CultureInfo.InvariantCulture, out int d)
            || !int.TryParse(zzMonth ? "01" : p[1], NumberStyles.None, CultureInfo.InvariantCulture, out int m)
            || !int.TryParse(p[2] == "ZZZZ" ? "2000" : p[2], NumberStyles.None, CultureInfo.InvariantCulture, out int y)
            || m is < 1 or > 12 || y is < 1 or > 9999 || d < 1 || d > DateTime.DaysInMonth(y, m)) return null;
        var date = new DateOnly(y, m, d);
        // An unknown day means the month's last day; an unknown month the year's last day (the DfE's reading, to avoid false alarms).
        return zzMonth ? date.AddYears(1).AddDays(-1) : zzDay ? date.AddMonths(1).AddDays(-1) : date;
    }

    /// <summary>Row rules.</summary>
    public static readonly IReadOnlyList<RowRule> Row =
    [
        InList("631", T, "PREV_PERM", PrevPermCodes),
        Row("633", Since2023, T, ["LA_PERM"], "LA_PERM, when given, is a local authority code (or WAL, SCO, NIR, NUK)",
            (r, _) => r["LA_PERM"] is { } v && !LaPerm.Contains(v) ? ("LA_PERM", $"LA_PERM '{v}' is not a local authority code") : null),
        Row("635", Since2023, T, ["LA_PERM", "DATE_PERM", "PREV_PERM"], "PREV_PERM must be given when LA_PERM or DATE_PERM is",
            (r, _) => r["PREV_PERM"] is null && (r["LA_PERM"] is not null || r["DATE_PERM"] is not null) ? ("PREV_PERM", "LA_PERM or DATE_PERM is given but PREV_PERM is blank") : null),
    ];

    /// <summary>Per-child rules.</summary>
    public static readonly IReadOnlyList<ChildRule> Child =
    [
        Child("630", Since2023, "PrevPerm", ["RNE"], "A child who started to be looked after in the year has a PrevPerm row: PREV_PERM, and LA_PERM and DATE_PERM unless PREV_PERM is Z1",
            (c, ctx, rule) =>
            {
                if (!ctx.Has(T)) return;
                bool startsInYear = false;
                for (int i = 0; i < c.Episodes.Count; i++) startsInYear |= c.Episodes[i].Rne == "S" && c.Episodes[i].Decom >= ctx.YearStart;
                if (!startsInYear) return;
                var rows = c.Rows(T).ToArray();
                bool bad = rows.Length == 0 || rows.Any(r => r["PREV_PERM"] is null || (r["PREV_PERM"] != "Z1" && (r["LA_PERM"] is null || r["DATE_PERM"] is null)));
                if (!bad) return;
                foreach (var e in c.Episodes.Where(e => e.Rne == "S" && e.Decom >= ctx.YearStart))
                    ctx.Report(rule, e.RneAt, rows.Length == 0 ? "the child started to be looked after in the year but has no PrevPerm row"
                        : "the child started to be looked after in the year but PREV_PERM, LA_PERM or DATE_PERM is missing");
            }),
        Child("632", Since2023, "PrevPerm", ["DATE_PERM", "DECOM"], "DATE_PERM is a valid date (ZZ for an unknown day or month) before the child's first episode",
            (c, ctx, rule) =>
            {
                if (!c.Has(T) || c.Ordered.Count == 0) return;
                var first = c.Ordered[0].Decom;
                bool any = false;
                foreach (var r in c.Rows(T))
                {
                    if (r["DATE_PERM"] is null) continue;
                    var d = PermDate(r["DATE_PERM"]);
                    if (d is null) Flag(ctx, rule, r, "DATE_PERM", $"DATE_PERM '{r["DATE_PERM"]}' is not a date (dd/mm/yyyy, ZZ for an unknown day or month)");
                    else if (d >= first) Flag(ctx, rule, r, "DATE_PERM", $"DATE_PERM is on or after the start of the child's first episode ({Codes.Show(first)})");
                    else continue;
                    any = true;
                }
                if (any) FlagEpisode(ctx, rule, c.Ordered[0], "the child's first episode does not come after a valid DATE_PERM");
            }),
        Child("634", Since2023, "PrevPerm", ["LA_PERM", "PREV_PERM", "DATE_PERM", "DECOM"], "PrevPerm information is only for children whose latest episode began in the year",
            (c, ctx, rule) =>
            {
                if (!c.Has(T) || c.Ordered.Count == 0 || c.Ordered[^1].Decom >= ctx.YearStart) return;
                bool any = false;
                foreach (var r in c.Rows(T))
                    if (FirstGiven(r, Fields) is { } f)
                    {
                        Flag(ctx, rule, r, f, "previous permanence is given but the child's latest episode began before the collection year");
                        any = true;
                    }
                if (any)
                    foreach (var e in c.Episodes) FlagEpisode(ctx, rule, e, "previous permanence is given but the child's latest episode began before the collection year");
            }),
    ];
}
