using Qp.Domain;
using Qp.Domain.Returns;
using static Qp.Validate.Rules.Dfe.D;

namespace Qp.Validate.Rules.Dfe;

/// <summary>
/// The DfE's rules that compare this year's episodes with last year's return of the same authority (<see cref="RuleContext.Previous"/>,
/// from the store or <c>--previous</c>), and its care-leaver checks that need both years' episodes. They are silent when last year's
/// return is not known. Like the DfE they are errors, except where the DfE says warning (EPI) and the care-leaver checks 1001 and 1002,
/// which see only two years of episodes and so misjudge young people whose care ended earlier (the open validator says the same).
/// A stored earlier return that has since been corrected is replaced by importing the corrected one; the rules then compare with it.
/// </summary>
public static class PreviousEpisodeRules
{
    private const string Ep = "Episodes";

    // "This year's first episode": the earliest one still open on 1 April or later. A real-shape return holds only such episodes, so
    // this is the DfE's first episode; a return that also carries the child's earlier episodes (the whole period) is compared the same way.
    private static EpisodeFact? First(ChildFacts c, RuleContext ctx) =>
        c.Ordered.Count == 0 ? null : c.Ordered.FirstOrDefault(e => e.Dec is null || e.Dec >= ctx.YearStart) ?? c.Ordered[0];

    // Last year's latest episode (by DECOM) when still open at its end, with this year's first episode: the pair rules 452, 453 and 503 compare.
    private static (EpisodeFact Now, Episode Was)? Continuing(ChildFacts c, RuleContext ctx) =>
        ctx.Previous?.LatestOf(c.Id) is { Dec: null } was && First(c, ctx) is { } now ? (now, was) : null;

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string Show(string? v) => v ?? "blank";

    // Whether the child has any episode row in last year's return (rows when read from files or the store; episodes otherwise).
    private static bool HadEpisodes(PreviousReturn p, string child) => p.RowsOf(Ep, child).Count > 0 || p.LatestOf(child) is not null;

    // Whether the child has any episode row this year, valid DECOM or not.
    private static bool HasEpisodes(ChildFacts c) => c.Episodes.Count > 0 || c.HasInvalidEpisodes;

    /// <summary>
    /// Whether a placement open at the end of last year recoded to <paramref name="now"/> from <paramref name="was"/> is the same
    /// placement: H5 (semi-independent living) became K3 (supported accommodation) from 2023-24, and when H5, P2 and Z1 were withdrawn
    /// in 2025-26, P2 became K3 and Z1 one of Z11–Z14.
    /// </summary>
    public static bool Recoded(string? was, string? now, int year) => (was?.ToUpperInvariant(), now?.ToUpperInvariant()) switch
    {
        ("H5", "K3") => year is >= 2024 and <= 2026,
        ("P2", "K3") => year == 2026,
        ("Z1", "Z11" or "Z12" or "Z13" or "Z14") => year == 2026,
        _ => false,
    };

    // PL_LOCATION as the DfE derives it: IN when the placement's authority is the returning one, OUT otherwise, unknown with PL_LA.
    private static string? Location(string? plLa, RuleContext ctx) => plLa is null ? null : plLa == ctx.AuthorityCode ? "IN" : "OUT";

    private static string? PlLa(Episode e, RuleContext ctx) => ctx.Postcodes.IsEmpty || e.PlPost is null ? null : ctx.Postcodes.Find(e.PlPost)?.Authority;

    private static double? Distance(Episode e, RuleContext ctx) => ctx.Postcodes.IsEmpty ? null : ctx.Postcodes.Distance(e.HomePost, e.PlPost);

    // The DfE's distance check: 0.2 miles or more apart, or a distance now where last year had none (the open validator does not
    // flag the reverse, and a rule stricter than the DfE's would refuse returns it accepts).
    private static bool DistanceDiffers(double? now, double? was) => now is { } n && (was is not { } w || Math.Abs(n - w) >= 0.2);

    private static ChildRule Field(string code, string field, string what, Func<EpisodeFact, string?> now, Func<Episode, string?> was,
        Func<RuleContext, bool>? applies = null) =>
        Child(code, Ep, [field], $"The first episode must keep the {what} ({field}) of the episode open at the end of last year's return",
            (c, ctx, rule) =>
            {
                if (Continuing(c, ctx) is not var (e, last) || (applies is not null && !applies(ctx))) return;
                string? n = now(e), w = was(last);
                if (Same(n, w) || (field == "PLACE" && Recoded(w, n, ctx.Year))) return;
                ctx.Report(rule, field == "RNE" ? e.RneAt : e.Row,
                    $"{field} is {Show(n)}, but the episode open at the end of last year's return (since {Codes.Show(last.Decom)}) has {Show(w)}");
            });

    /// <summary>
    /// Whether this year's and last year's episodes of the child show a relevant or former relevant child: not adopted at the end
    /// (latest REC E11/E12), and, leaving out short breaks (V3/V4), at least 91 days looked after since the 14th birthday of which
    /// at least one since the 16th. The same episode in both returns counts once (the copy with a DEC wins); the latest episode still
    /// open counts to 31 March; an earlier one without DEC does not count.
    /// </summary>
    private static bool RelevantOrFormerRelevant(ChildFacts c, PreviousReturn previous, DateOnly dob, RuleContext ctx)
    {
        var byDecom = new Dictionary<DateOnly, (DateOnly? Dec, string? Ls, string? Rec)>();
        foreach (var r in previous.RowsOf(Ep, c.Id))
            if (Codes.Date(r["DECOM"]) is { } d) Keep(byDecom, d, (Codes.Date(r["DEC"]), r["LS"], r["REC"]));
        if (previous.RowsOf(Ep, c.Id).Count == 0 && previous.LatestOf(c.Id) is { } l) Keep(byDecom, l.Decom, (l.Dec, l.Ls, l.Rec));
        foreach (var e in c.Episodes) Keep(byDecom, e.Decom, (e.Dec, e.Ls, e.Rec));
        if (byDecom.Count == 0) return false;
        var latest = byDecom.Keys.Max();
        if (byDecom[latest].Rec?.ToUpperInvariant() is "E11" or "E12") return false;
        DateOnly at14 = dob.AddYears(14), at16 = dob.AddYears(16);
        int since14 = 0, since16 = 0;
        foreach (var (decom, (dec, ls, _)) in byDecom)
        {
            if (ls?.ToUpperInvariant() is "V3" or "V4" || (dec ?? (decom == latest ? ctx.YearEnd : null)) is not { } end) continue;
            since14 += Math.Max(0, end.DayNumber - Max(decom, at14).DayNumber);
            since16 += Math.Max(0, end.DayNumber - Max(decom, at16).DayNumber);
        }
        return since14 >= 91 && since16 >= 1;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    // Care that makes a care leaver starts at 14: the known years must reach back to the 14th birthday, or the care may lie before
    // them (the false positives the DfE's own wording of 1001 and 1002 warns of). The store's unbroken run of years is the history.
    private static bool HistoryCovers(PreviousReturn previous, DateOnly dob) => dob.AddYears(14) >= CollectionYear.Start(previous.HistoryFrom);

    private static void Keep(Dictionary<DateOnly, (DateOnly? Dec, string? Ls, string? Rec)> byDecom, DateOnly decom, (DateOnly? Dec, string? Ls, string? Rec) e)
    {
        // The copy with the earliest DEC wins, as the DfE's checker keeps it: a DEC over none, an earlier DEC over a later one.
        if (!byDecom.TryGetValue(decom, out var had) || (e.Dec is { } d && (had.Dec is null || d < had.Dec))) byDecom[decom] = e;
    }

    // The tables rule 1012 allows only for children with episodes (declared before All, which reads it).
    private static readonly TableSchema[] NotWithoutEpisodes =
        [Tables.PlacedAdoption, Tables.Missing, Tables.Reviews, Tables.Ad1, Tables.PrevPerm, Tables.Oc2];

    /// <summary>Every rule of this family.</summary>
    public static readonly IReadOnlyList<ChildRule> All =
    [
        Field("503A", "RNE", "reason for new episode", e => e.Rne, e => e.Rne),
        Field("503B", "LS", "legal status", e => e.Ls, e => e.Ls),
        Field("503C", "CIN", "category of need", e => e.Cin, e => e.Cin),
        Field("503D", "PLACE", "placement type", e => e.Place, e => e.Place),
        Field("503E", "PLACE_PROVIDER", "placement provider", e => e.Provider, e => e.PlaceProvider),
        Field("503F", "URN", "Ofsted URN", e => e.Urn, e => e.Urn),
        // PL_LA, PL_LOCATION and PL_DISTANCE are the DfE's own, derived from the postcodes: both years are derived with the directory
        // loaded now, so the rules are silent without one, and a return from the store compares as the same return from files.
        Child("503G", Ep, ["PL_DISTANCE"], "The first episode's placement distance must be within 0.2 miles of that of the episode open at the end of last year's return",
            (c, ctx, rule) =>
            {
                if (Continuing(c, ctx) is not var (e, last) || !DistanceDiffers(e.PlDistance, Distance(last, ctx))) return;
                ctx.Report(rule, e.Row, $"the placement is {e.PlDistance} miles from home, but {Distance(last, ctx)?.ToString() ?? "no distance"} in the episode open at the end of last year's return");
            }),
        Child("503H", Ep, ["PL_LA"], "The first episode must keep the placement authority (PL_LA) of the episode open at the end of last year's return",
            (c, ctx, rule) =>
            {
                if (ctx.Postcodes.IsEmpty || Continuing(c, ctx) is not var (e, last) || e.PlLa == PlLa(last, ctx)) return;
                ctx.Report(rule, e.Row, $"the placement's authority is {e.PlLa ?? "unknown"}, but {PlLa(last, ctx) ?? "unknown"} in the episode open at the end of last year's return");
            }),
        Child("503J", Ep, ["PL_LOCATION"], "The first episode must keep the placement location (in or out of the authority) of the episode open at the end of last year's return",
            (c, ctx, rule) =>
            {
                if (ctx.Postcodes.IsEmpty || ctx.AuthorityCode is null || Continuing(c, ctx) is not var (e, last)) return;
                string? now = Location(e.PlLa, ctx), was = Location(PlLa(last, ctx), ctx);
                if (now != was)
                    ctx.Report(rule, e.Row, $"the placement is {now ?? "of unknown location"}, but {was ?? "of unknown location"} in the episode open at the end of last year's return");
            }),
        Child("452", Ep, ["PL_LA"], "A first episode with the same RNE as the episode open at the end of last year's return must keep its placement authority (PL_LA)",
            (c, ctx, rule) =>
            {
                if (ctx.Postcodes.IsEmpty || Continuing(c, ctx) is not var (e, last) || e.Rne is null || !Same(e.Rne, last.Rne) || e.PlLa == PlLa(last, ctx)) return;
                ctx.Report(rule, e.Row, $"RNE {e.Rne} continues last year's open episode, but the placement's authority is {e.PlLa ?? "unknown"}, not {PlLa(last, ctx) ?? "unknown"}");
            }),
        Child("453", Ep, ["PL_DISTANCE"], "A first episode with the same RNE as the episode open at the end of last year's return must keep its placement distance (within 0.2 miles)",
            (c, ctx, rule) =>
            {
                if (Continuing(c, ctx) is not var (e, last) || e.Rne is null || !Same(e.Rne, last.Rne) || !DistanceDiffers(e.PlDistance, Distance(last, ctx))) return;
                ctx.Report(rule, e.Row, $"RNE {e.Rne} continues last year's open episode, but the placement is {e.PlDistance} miles from home, not {Distance(last, ctx)?.ToString() ?? "unknown"}");
            }),
        Child("562", Ep, ["DECOM"], "The first episode that began before the collection year must be last year's latest episode (same DECOM)",
            (c, ctx, rule) =>
            {
                if (ctx.Previous is not { } previous) return;
                var before = c.Ordered.Where(e => e.Decom < ctx.YearStart).ToArray();
                if (before.Length == 0) return;
                var carried = before.FirstOrDefault(e => e.Dec is null || e.Dec >= ctx.YearStart) ?? before[0];
                var last = previous.LatestOf(c.Id);
                if (last is not null && last.Decom == carried.Decom) return;
                ctx.Report(rule, carried.DecomAt, last is null
                    ? $"the episode began before the collection year ({Codes.Show(carried.Decom)}) but last year's return has no episode of this child"
                    : $"the episode began before the collection year ({Codes.Show(carried.Decom)}) but last year's latest episode of this child began {Codes.Show(last.Decom)}");
            }),
        Child("NoE", Ep, ["DECOM"], "A child looked after since before the collection year must have episodes in last year's return",
            (c, ctx, rule) =>
            {
                if (ctx.Previous is not { } previous || HadEpisodes(previous, c.Id)) return;
                foreach (var e in c.Ordered)
                    if (e.Decom < ctx.YearStart && (e.Dec is null || e.Dec >= ctx.YearStart))
                        ctx.Report(rule, e.DecomAt, $"the episode began before the collection year ({Codes.Show(e.Decom)}) but last year's return has no episode of this child");
            }),
        Child("1001", "OC3", Oc3Rules.Fields, "Care leaver information is for relevant or former relevant children: looked after 13 weeks since their 14th birthday, including a day after their 16th, and not adopted",
            (c, ctx, rule) =>
            {
                if (ctx.Previous is not { } previous || !c.Has(Tables.Oc3) || !ctx.Has(Tables.Episodes) || !ctx.Has(Tables.Header)) return;
                if (previous.EarlierInCare.Contains(c.Id)) return;
                // A young person 20 or over at 31 March may have been looked after before the two years the DfE compares.
                if (c.Dob is not { } dob || dob.AddYears(20) <= ctx.YearEnd || !HistoryCovers(previous, dob)) return;
                if (RelevantOrFormerRelevant(c, previous, dob, ctx)) return;
                foreach (var r in c.Rows(Tables.Oc3))
                    Flag(ctx, rule, r, "IN_TOUCH", "care leaver information, but this year's and last year's episodes show no relevant care since the 14th birthday, or an adoption");
            }, severity: W),
        Child("1002", "OC3", Oc3Rules.Fields, "Care leaver information needs episodes of care, this year or in last year's return",
            (c, ctx, rule) =>
            {
                if (ctx.Previous is not { } previous || HasEpisodes(c) || HadEpisodes(previous, c.Id) || previous.EarlierInCare.Contains(c.Id)) return;
                if (c.Dob is { } dob && !HistoryCovers(previous, dob)) return;
                foreach (var r in c.Rows(Tables.Oc3))
                    Flag(ctx, rule, r, "IN_TOUCH", "care leaver information for a young person with no episode this year or in last year's return");
            }, severity: W),
        Child("1010", "OC3", Oc3Rules.Fields, "A young person whose episode was open at the end of last year's return must have episodes this year, not only care leaver information",
            (c, ctx, rule) =>
            {
                if (HasEpisodes(c) || ctx.Previous?.LatestOf(c.Id) is not { Dec: null }) return;
                foreach (var r in c.Rows(Tables.Oc3))
                    Flag(ctx, rule, r, "IN_TOUCH", "care leaver information but no episode this year, although an episode was open at the end of last year's return");
            }),
        Child("1012", "cross-table", ["CHILD"], "A child with no episode this year has no PlacedAdoption, Missing, Reviews, AD1, PrevPerm or OC2 rows",
            (c, ctx, rule) =>
            {
                if (HasEpisodes(c) || !ctx.Has(Tables.Episodes)) return;
                foreach (var t in NotWithoutEpisodes)
                    foreach (var r in c.Rows(t))
                        Flag(ctx, rule, r, "CHILD", $"a {t.Name} row for a child with no episode in the return");
            }),
        Child("EPI", "Header", ["CHILD"], "A child in Header should have episodes in the return, unless a care leaver (OC3)",
            (c, ctx, rule) =>
            {
                if (HasEpisodes(c) || c.Has(Tables.Oc3)) return;
                foreach (var h in c.HeaderRows) ctx.Report(rule, h, "the child has a Header row but neither episodes nor care leaver information");
            }, severity: W),
    ];
}
