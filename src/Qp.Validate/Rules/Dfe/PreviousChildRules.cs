using System.Globalization;
using Qp.Domain;
using static Qp.Validate.Rules.Dfe.D;

namespace Qp.Validate.Rules.Dfe;

/// <summary>
/// The DfE's rules that compare a child's facts other than episodes (Header, UASC, PlacedAdoption, Missing, OC3, DoLo) with the same
/// authority's return for the year before (<see cref="RuleContext.Previous"/>). Each is silent when last year's return is unknown, is
/// not the year just before, or lacks the table the rule reads.
/// </summary>
public static class PreviousChildRules
{
    private static readonly TableSchema H = Tables.Header;
    private static readonly TableSchema PA = Tables.PlacedAdoption;
    private static readonly TableSchema Oc3 = Tables.Oc3;

    /// <summary>Last year's return when it is the year just before this one and holds <paramref name="table"/>; otherwise null.</summary>
    private static PreviousReturn? Last(RuleContext ctx, string table) =>
        ctx.Previous is { } p && p.Year == ctx.Year - 1 && p.Holds(table) ? p : null;

    /// <summary>The child's rows of <paramref name="table"/> in last year's return (empty when unknown or none).</summary>
    private static IReadOnlyList<PreviousRow> LastRows(RuleContext ctx, string table, string? child) =>
        child is not null && Last(ctx, table) is { } p ? p.RowsOf(table, child) : [];

    /// <summary>Whether two dates as written agree: as dates when both are valid, otherwise as text (two blanks agree).</summary>
    private static bool SameDate(string? a, string? b) =>
        Codes.Date(a) is { } x && Codes.Date(b) is { } y ? x == y : string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    // SEX changed from 1/2 to M/F in 2024-25: last year's code is read in this year's terms, so the change itself is no conflict.
    private static string? SexCode(string? s) => s switch { "1" => "M", "2" => "F", null => null, _ => s.ToUpperInvariant() };

    private static readonly HashSet<string> UnknownUpn = new(StringComparer.Ordinal) { "UN1", "UN2", "UN3", "UN4", "UN5" };

    /// <summary>
    /// Whether UPN may go from <paramref name="last"/> to <paramref name="now"/> (upper-case, null when blank): unchanged; from blank or UN1
    /// (not yet of school age) to UN2–UN5 (a reason the number is unknown); or from blank or UN1–UN5 to a number.
    /// </summary>
    public static bool UpnChangeAllowed(string? last, string? now)
    {
        if (now == last) return true;
        bool lastUnknown = last is null || UnknownUpn.Contains(last);
        if ((last is null || last == "UN1") && now is "UN2" or "UN3" or "UN4" or "UN5") return true;
        return lastUnknown && now is not null && !UnknownUpn.Contains(now);
    }

    private static (string, string)? AnyLast(SourceRow r, RuleContext c, string table, Func<PreviousRow, bool> conflicts, string field, string message) =>
        LastRows(c, table, r.Child).Any(conflicts) ? (field, message) : null;

    /// <summary>Header rules against last year's Header (the child must be in both).</summary>
    public static readonly IReadOnlyList<RowRule> Header =
    [
        Row("202", Since2023, H, ["SEX"], "SEX must agree with the child's SEX in last year's return (1/2 read as M/F from 2024-25)",
            (r, c) => AnyLast(r, c, "Header", l => SexCode(l["SEX"]) != SexCode(r["SEX"]), "SEX", "SEX differs from the child's SEX in last year's return")),
        Row("203", Since2023, H, ["DOB"], "DOB must agree with the child's date of birth in last year's return",
            (r, c) => AnyLast(r, c, "Header", l => Codes.Date(l["DOB"]) != Codes.Date(r["DOB"]), "DOB", "DOB differs from the child's date of birth in last year's return")),
        Row("204", Since2023, H, ["ETHNIC"], "ETHNIC must agree with the child's ethnic origin in last year's return",
            (r, c) => AnyLast(r, c, "Header", l => !string.Equals(l["ETHNIC"], r["ETHNIC"], StringComparison.OrdinalIgnoreCase),
                "ETHNIC", "ETHNIC differs from the child's ethnic origin in last year's return")),
        Row("208", Since2023, H, ["UPN"], "UPN must agree with last year's, except from blank or UN1 to UN2–UN5, and from blank or UN1–UN5 to a pupil number",
            (r, c) => AnyLast(r, c, "Header", l => !UpnChangeAllowed(l["UPN"]?.ToUpperInvariant(), r["UPN"]?.ToUpperInvariant()),
                "UPN", "UPN differs from the child's UPN in last year's return in a way that is not allowed")),
        Row("624", Since2023, H, ["MC_DOB"], "MC_DOB must agree with the date of birth of the child's first child given in last year's return",
            // A blank MC_DOB contradicts nothing: the DfE's 628 and 612 require it blank for a care leaver without episodes.
            (r, c) => AnyLast(r, c, "Header", l => l["MC_DOB"] is not null && r["MC_DOB"] is not null && !SameDate(l["MC_DOB"], r["MC_DOB"]),
                "MC_DOB", "MC_DOB differs from the date of birth of the child's first child given in last year's return")),
        Row("626", Since2023, H, ["MOTHER", "MC_DOB"], "A child who was not a mother last year (MOTHER 0) cannot now be one whose first child was born before the year began",
            (r, c) => Codes.Date(r["MC_DOB"]) is { } mc && mc < c.YearStart && Number(r["MOTHER"]) == 1
                ? AnyLast(r, c, "Header", l => Number(l["MOTHER"]) == 0, "MOTHER",
                    "MOTHER is 1 and the first child was born before the year began, but last year's return says the child was not a mother")
                : null),
    ];

    // A number as the DfE's tools read one (1 and 1.0 alike); null when blank or not a number.
    private static decimal? Number(string? v) => decimal.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>PlacedAdoption rules against last year's PlacedAdoption rows of the child.</summary>
    public static readonly IReadOnlyList<RowRule> PlacedAdoption =
    [
        Row("559", Since2023, PA, ["DATE_PLACED"], "A DATE_PLACED before the collection year must have been given in last year's return",
            (r, c) => Codes.Date(r["DATE_PLACED"]) is { } d && d < c.YearStart && Last(c, "PlacedAdoption") is { } p && r.Child is { } child
                && (p.RowsOf("PlacedAdoption", child) is var rows && (rows.Count == 0 || rows.Any(l => Codes.Date(l["DATE_PLACED"]) is null)))
                ? ("DATE_PLACED", "DATE_PLACED is before the collection year but last year's return gives no decision date for the child") : null),
        Row("560", Since2023, PA, ["DATE_PLACED", "DATE_PLACED_CEASED"], "While last year's decision to place for adoption stands (no DATE_PLACED_CEASED), DATE_PLACED must stay the same",
            (r, c) => AnyLast(r, c, "PlacedAdoption", l => l["DATE_PLACED"] is not null && l["DATE_PLACED_CEASED"] is null && !SameDate(l["DATE_PLACED"], r["DATE_PLACED"]),
                "DATE_PLACED", "DATE_PLACED differs from last year's, whose decision had not ceased")),
        Row("561", Since2023, PA, ["DATE_PLACED"], "DATE_PLACED cannot be that of last year's decision when last year's return says that decision ceased",
            (r, c) => r["DATE_PLACED"] is null ? null
                : AnyLast(r, c, "PlacedAdoption", l => SameDate(l["DATE_PLACED"], r["DATE_PLACED"]) && (l["DATE_PLACED_CEASED"] is not null || l["REASON_PLACED_CEASED"] is not null),
                    "DATE_PLACED", "DATE_PLACED is that of last year's decision, which last year's return says had ceased")),
        Row("584", Since2023, PA, ["DATE_PLACED"], "When last year's decision ceased (DATE_PLACED_CEASED or REASON_PLACED_CEASED given), DATE_PLACED must be a later, new decision",
            (r, c) => AnyLast(r, c, "PlacedAdoption", l => (l["DATE_PLACED_CEASED"] is not null || l["REASON_PLACED_CEASED"] is not null)
                    && (r["DATE_PLACED"] is null || (Codes.Date(r["DATE_PLACED"]) is { } now && Codes.Date(l["DATE_PLACED"]) is { } then && now <= then)),
                "DATE_PLACED", "last year's decision ceased, but DATE_PLACED is blank or not after last year's DATE_PLACED")),
    ];

    /// <summary>OC3 rules against last year's OC3 rows of the child.</summary>
    public static readonly IReadOnlyList<RowRule> Oc3Rows =
    [
        Row("348", YearsInForce.Since(2026), Oc3, ["IN_TOUCH"], "A care leaver reported as having died (IN_TOUCH DIED) last year must be reported so again",
            (r, c) => r["IN_TOUCH"] == "DIED" ? null
                : AnyLast(r, c, "OC3", l => l["IN_TOUCH"] == "DIED", "IN_TOUCH", "last year's return reports that the care leaver died, but IN_TOUCH is not DIED")),
    ];

    private static bool WithinYear(DateOnly? d, int year) => d is { } x && x >= CollectionYear.Start(year) && x <= CollectionYear.End(year);

    /// <summary>Whether the child is UASC in last year's return the way the DfE reads a CSV return: in its Header and its UASC table.</summary>
    private static bool UascLastYear(PreviousReturn p, string child) => p.RowsOf("UASC", child).Count > 0 && p.RowsOf("Header", child).Count > 0;

    private static void FlagHeader(ChildFacts c, RuleContext ctx, Rule rule, string message)
    {
        foreach (var h in c.HeaderRows) ctx.Report(rule, h, message);
    }

    /// <summary>Per-child rules against last year's return.</summary>
    public static readonly IReadOnlyList<ChildRule> Child =
    [
        Child("207", Since2023, "Header", ["MOTHER"], "A child recorded as a mother last year (MOTHER 1) who is still looked after must be recorded so again",
            (c, ctx, rule) =>
            {
                if (c.HeaderRows.Count == 0 || (c.Episodes.Count == 0 && !c.HasInvalidEpisodes) || c.Mother == "1") return;
                if (LastRows(ctx, "Header", c.Id).Any(l => l["MOTHER"] == "1"))
                    FlagHeader(c, ctx, rule, "last year's return records the child as a mother, but MOTHER is not 1");
            }),
        Child("205A", Since2023, "Header", ["UASC", "DUC"], "A child who was UASC last year and is not this year must have ceased to be UASC (DUC) within last year",
            (c, ctx, rule) =>
            {
                if (!ctx.Has(Tables.Uasc) || !ctx.Has(H) || c.HeaderRows.Count == 0 || c.Has(Tables.Uasc)) return;
                if (Last(ctx, "UASC") is not { } p || !p.Holds("Header") || !UascLastYear(p, c.Id)) return;
                if (p.RowsOf("UASC", c.Id).Any(l => !WithinYear(Codes.Date(l["DUC"]), p.Year)))
                    FlagHeader(c, ctx, rule, "the child was UASC last year and is not this year, but last year's DUC is not within last year");
            }),
        Child("205B", Since2023, "UASC", ["DUC"], "A child UASC in both years must have ceased at 18 last year (DUC), and this year's DUC must be that date or within this year",
            (c, ctx, rule) =>
            {
                if (!c.Has(Tables.Uasc) || c.HeaderRows.Count == 0 || Last(ctx, "UASC") is not { } p || !UascLastYear(p, c.Id)) return;
                foreach (var r in c.Rows(Tables.Uasc))
                {
                    var duc = Dt(r, "DUC");
                    foreach (var l in p.RowsOf("UASC", c.Id))
                    {
                        var lastDuc = Codes.Date(l["DUC"]);
                        bool ceasedAt18 = lastDuc is { } ld && Codes.Date(l["DOB"]) is { } dob && ld == dob.AddYears(18);
                        bool sameAsLast = duc is { } d && d == lastDuc;
                        if (ceasedAt18 && (WithinYear(duc, ctx.Year) || sameAsLast)) continue;
                        Flag(ctx, rule, r, "DUC", ceasedAt18 ? "DUC is neither within the collection year nor last year's DUC"
                            : "the child is UASC in both years, but last year's DUC is not the child's 18th birthday");
                        break;
                    }
                }
            }),
        Child("205C", Since2023, "UASC", ["DUC"], "DUC can be given only for a child who is UASC this year or last year",
            (c, ctx, rule) =>
            {
                if (!c.Has(Tables.Uasc) || !ctx.Has(H) || c.HeaderRows.Count > 0 || Last(ctx, "UASC") is not { } p) return;
                // A UASC row of a child with no Header row does not make the child UASC (the DfE reads the status off the Header).
                if (p.Holds("Header") ? UascLastYear(p, c.Id) : p.RowsOf("UASC", c.Id).Count > 0) return;
                bool lastDuc = p.RowsOf("UASC", c.Id).Any(l => Codes.Date(l["DUC"]) is not null);
                foreach (var r in c.Rows(Tables.Uasc))
                    if (Dt(r, "DUC") is not null || lastDuc)
                        Flag(ctx, rule, r, "DUC", "a date of ceasing to be UASC is given, but the child is UASC in neither year's Header");
            }),
        Child("205D", Since2023, "Header", ["UASC"], "A child UASC this year must have been UASC in last year's return if in it",
            (c, ctx, rule) =>
            {
                if (!c.Has(Tables.Uasc) || c.HeaderRows.Count == 0 || Last(ctx, "UASC") is not { } p || !p.Holds("Header")) return;
                if (p.RowsOf("Header", c.Id).Count > 0 && p.RowsOf("UASC", c.Id).Count == 0)
                    FlagHeader(c, ctx, rule, "the child is UASC this year but was not in last year's return");
            }),
        Child("576", Since2023, "Missing", ["MIS_START"], "A missing period open at the end of last year must be the child's first missing period this year (same MIS_START)",
            (c, ctx, rule) =>
            {
                if (!c.Has(Tables.Missing) || Last(ctx, "Missing") is not { } p) return;
                SourceRow? first = null;
                DateOnly? firstStart = null;
                foreach (var r in c.Rows(Tables.Missing))
                {
                    var s = Dt(r, "MIS_START");
                    if (first is null || (s ?? DateOnly.MaxValue) < (firstStart ?? DateOnly.MaxValue)) (first, firstStart) = (r, s);
                }
                if (first is null) return;
                if (p.RowsOf("Missing", c.Id).Any(l => l["MIS_END"] is null && Codes.Date(l["MIS_START"]) is { } ls && ls != firstStart))
                    Flag(ctx, rule, first, "MIS_START", "last year's return ends with an open missing period, and the first one this year does not start on the same day");
            }),
        Child("706", YearsInForce.Since(2027), "DoLo", ["DOLO_START"], "A deprivation of liberty open at the end of last year must be in this year's return with the same DOLO_START",
            (c, ctx, rule) =>
            {
                if (!ctx.Has(Tables.DoLo) || Last(ctx, "DoLo") is not { } p) return;
                var rows = c.Rows(Tables.DoLo).ToArray();
                bool missing = p.RowsOf("DoLo", c.Id).Any(l => l["DOLO_END"] is null && l["DOLO_START"] is { } start && !rows.Any(r => SameDate(r["DOLO_START"], start)));
                if (!missing) return;
                const string why = "last year's return has an open deprivation of liberty that is not in this year's with the same DOLO_START";
                var first = rows.OrderBy(r => Dt(r, "DOLO_START") ?? DateOnly.MaxValue).FirstOrDefault();
                if (first is not null) Flag(ctx, rule, first, "DOLO_START", why);
                else if (c.HeaderRows.Count > 0) ctx.Report(rule, c.HeaderRows[0], why);
            }),
    ];
}
