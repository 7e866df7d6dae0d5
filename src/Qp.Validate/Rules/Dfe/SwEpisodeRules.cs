using static Qp.Validate.Rules.Dfe.D;

namespace Qp.Validate.Rules.Dfe;

/// <summary>The DfE's rules on SWEpisodes (the child's social worker episodes), collected from 2023-24.</summary>
public static class SwEpisodeRules
{
    private static readonly TableSchema T = Tables.SwEpisodes;

    private static readonly YearsInForce From2024 = YearsInForce.Since(2024);

    /// <summary>Reasons a social worker episode ended.</summary>
    public static readonly CodeList SwReason = CodeList.Of("MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN", "PCCHAN", "SWDIED", "OTHERS");

    // SW episodes that began before 1 April 2023 (before the collection of social worker episodes) need less detail.
    private static readonly DateOnly CollectionBegan = new(2023, 4, 1);

    private static DateOnly? Sw(SourceRow r, string f) => PrevPermRules.PermDate(r[f]);

    /// <summary>Row rules.</summary>
    public static readonly IReadOnlyList<RowRule> Row =
    [
        Row("SW01aSTG1", YearsInForce.Since(2025), T, ["SW_DECOM", "SW_ID"], "SW_DECOM is given, and SW_ID too for an episode that began before 1 April 2023",
            (r, _) => r["SW_DECOM"] is null ? ("SW_DECOM", "SW_DECOM is blank")
                : Dt(r, "SW_DECOM") is { } d && d < CollectionBegan && r["SW_ID"] is null ? ("SW_ID", "SW_ID is blank") : null),
        Row("SW01bSTG1", YearsInForce.Since(2025), T, ["SW_DECOM", "SW_ID", "SW_REASON"], "SW_DECOM is given, and SW_ID and SW_REASON too for an episode that began on or after 1 April 2023",
            (r, _) => r["SW_DECOM"] is null ? ("SW_DECOM", "SW_DECOM is blank")
                : Dt(r, "SW_DECOM") is { } d && d >= CollectionBegan && FirstBlank(r, ["SW_ID", "SW_REASON"]) is { } f ? (f, $"{f} is blank") : null),
        Row("SW02STG1", From2024, T, ["SW_ID"], "SW_ID begins SW (a social worker's registration) or XX (not known)",
            (r, _) => r["SW_ID"] is not { } v || !(v.StartsWith("SW", StringComparison.Ordinal) || v.StartsWith("XX", StringComparison.Ordinal))
                ? ("SW_ID", r["SW_ID"] is null ? "SW_ID is blank" : "SW_ID does not begin SW or XX") : null),
        Row("SW03STG1", YearsInForce.Between(2024, 2024), T, ["SW_ID", "SW_DECOM", "SW_REASON"], "SW_ID, SW_DECOM and SW_REASON are all given",
            (r, _) => FirstBlank(r, ["SW_ID", "SW_DECOM", "SW_REASON"]) is { } f ? (f, $"{f} is blank") : null),
        Row("SW04STG1", From2024, T, ["SW_DECOM"], "SW_DECOM, when given, is a valid date (dd/mm/yyyy)",
            (r, _) => r["SW_DECOM"] is { } v && Sw(r, "SW_DECOM") is null ? ("SW_DECOM", $"SW_DECOM '{v}' is not a valid date") : null),
        Row("SW05STG1", From2024, T, ["SW_DEC"], "SW_DEC, when given, is a valid date (dd/mm/yyyy)",
            (r, _) => r["SW_DEC"] is { } v && Sw(r, "SW_DEC") is null ? ("SW_DEC", $"SW_DEC '{v}' is not a valid date") : null),
        Row("SW06STG2", From2024, T, ["SW_DECOM"], "SW_DECOM is not after the end of the collection year",
            (r, c) => Dt(r, "SW_DECOM") is { } d && d > c.YearEnd ? ("SW_DECOM", $"SW_DECOM {Codes.Show(d)} is after 31 March of the collection year") : null),
        // The DfE widened the window in 2024-25 to the year before the collection year too; codes are unique, so one unit changes with the year.
        Row("SW07STG2", From2024, T, ["SW_DEC"], "SW_DEC, when given, is within the collection year (from 2024-25: within it or the year before)",
            (r, c) => Dt(r, "SW_DEC") is { } d && (d < (c.Year >= 2025 ? c.YearStart.AddYears(-1) : c.YearStart) || d > c.YearEnd)
                ? ("SW_DEC", $"SW_DEC {Codes.Show(d)} is outside the period the return covers") : null),
        Row("SW09STG2", From2024, T, ["SW_DECOM", "SW_DEC"], "A social worker episode does not end on the day it began",
            (r, _) => r["SW_DEC"] is { } e && e == r["SW_DECOM"] ? ("SW_DEC", "SW_DEC is the same day as SW_DECOM") : null),
        Row("SW13STG1", From2024, T, ["SW_REASON"], $"SW_REASON is one of {SwReason.Describe()} (from 2024-25 it may be blank for an episode that began before 1 April 2023)",
            (r, c) => r["SW_REASON"] switch
            {
                null when c.Year < 2025 || (Dt(r, "SW_DECOM") is { } d && d >= CollectionBegan) => ("SW_REASON", "SW_REASON is blank"),
                { } v when !SwReason.Contains(v, c.Year) => ("SW_REASON", $"SW_REASON '{v}' is not one of {SwReason.Describe()}"),
                _ => null,
            }),
    ];

    // The child's social worker episodes by SW_DECOM then SW_DEC (blank last); six rules read them, so they are sorted once a child.
    private static (SourceRow Row, DateOnly? Decom, DateOnly? Dec)[] Ordered(ChildFacts c) => !c.Has(T) ? [] : c.Derived(OrderedKey, Sort);

    private static readonly object OrderedKey = new();

    private static (SourceRow Row, DateOnly? Decom, DateOnly? Dec)[] Sort(ChildFacts c) =>
        c.Rows(T).Select(r => (Row: r, Decom: Dt(r, "SW_DECOM"), Dec: Dt(r, "SW_DEC")))
            .OrderBy(x => x.Decom ?? DateOnly.MaxValue).ThenBy(x => x.Dec ?? DateOnly.MaxValue).ToArray();

    /// <summary>Per-child rules.</summary>
    public static readonly IReadOnlyList<ChildRule> Child =
    [
        // Reported on the episode (the open validator reports the episode's row number as a SWEpisodes row).
        Child("SW01STG1", YearsInForce.Between(2024, 2024), "SWEpisodes", ["DEC"], "A child looked after at 31 March has social worker episodes with SW_ID, SW_DECOM and SW_REASON",
            (c, ctx, rule) =>
            {
                if (!ctx.Has(T)) return;
                bool bad = !c.Has(T) || c.Rows(T).Any(r => FirstBlank(r, ["SW_ID", "SW_DECOM", "SW_REASON"]) is not null);
                if (!bad) return;
                foreach (var e in c.Episodes.Where(e => e.Dec is null && e.Ls is not ("V3" or "V4")))
                    ctx.Report(rule, e.Row, "the child is looked after at 31 March but has no complete social worker episode");
            }),
        Child("SW08STG2", From2024, "SWEpisodes", ["SW_DEC"], "Only the child's latest social worker episode may be open (SW_DEC blank)",
            (c, ctx, rule) =>
            {
                var rows = Ordered(c);
                for (int i = 0; i < rows.Length - 1; i++)
                    if (rows[i].Row["SW_DEC"] is null && rows[i].Row["SW_DECOM"] is not null)
                        Flag(ctx, rule, rows[i].Row, "SW_DEC", "SW_DEC is blank but a later social worker episode follows");
            }),
        Child("SW10STG2", From2024, "SWEpisodes", ["SW_DECOM"], "A social worker episode starts within 7 days of the previous one's end (from 2024-25, unless SW_REASON is FCONTA)",
            (c, ctx, rule) =>
            {
                var rows = Ordered(c);
                for (int i = 1; i < rows.Length; i++)
                {
                    if (ctx.Year >= 2025 && rows[i].Row["SW_REASON"] == "FCONTA") continue;
                    var prevEnd = rows[i - 1].Dec;
                    var start = rows[i].Decom;
                    if (prevEnd is null || start is null || start < prevEnd.Value.AddDays(-7) || start > prevEnd.Value.AddDays(7))
                        Flag(ctx, rule, rows[i].Row, "SW_DECOM", "SW_DECOM is not within 7 days of the end of the previous social worker episode");
                }
            }),
        Child("SW11aSTG2", YearsInForce.Between(2024, 2024), "SWEpisodes", ["SW_DEC"], "After a social worker episode that ended more than 5 days before 31 March, the next one starts within 5 days of that end",
            (c, ctx, rule) =>
            {
                var rows = Ordered(c);
                var cutoff = ctx.YearEnd.AddDays(-5);
                for (int i = 1; i < rows.Length; i++)
                    if (rows[i - 1].Dec is { } end && end <= cutoff && (rows[i].Decom is not { } start || start < end.AddDays(-5) || start > end.AddDays(5)))
                        Flag(ctx, rule, rows[i].Row, "SW_DECOM", $"the previous social worker episode ended {Codes.Show(end)} but this one does not start within 5 days of it");
            }),
        // The open validator pairs rows in a way that also flags an episode ending in the last 5 days when a third one follows; this
        // unit checks what the DfE's rule says: such an episode needs a later one.
        Child("SW11bSTG2", From2024, "SWEpisodes", ["SW_DEC"], "A social worker episode that ends in the last 5 days of the year is followed by another",
            (c, ctx, rule) =>
            {
                var rows = Ordered(c);
                for (int i = 0; i < rows.Length; i++)
                    if (rows[i].Dec is { } end && end >= ctx.YearEnd.AddDays(-5) && end <= ctx.YearEnd && i == rows.Length - 1)
                        Flag(ctx, rule, rows[i].Row, "SW_DEC", "the social worker episode ended in the last 5 days of the year and no later episode follows");
            }),
        Child("SW12STG2", From2024, "SWEpisodes", ["SW_DECOM"],
            "A child's social worker episodes cover their care: for each start of a period of care (RNE S) or end (REC other than X1), one starts on or after that start or on or before that end; from 2024-25 only for care ending in the last two years",
            (c, ctx, rule) =>
            {
                if (!ctx.Has(T)) return;
                var sw = c.Rows(T).Select(r => Dt(r, "SW_DECOM")).ToArray();
                foreach (var e in c.Episodes)
                {
                    // A blank REC is an episode still open, not the end of care.
                    if (e.Ls is "V3" or "V4" || !(e.Rne == "S" || e.Rec is not (null or "X1"))) continue;
                    if (ctx.Year >= 2025 && e.Dec is { } dec && (dec < ctx.YearStart.AddYears(-1) || dec > ctx.YearEnd)) continue;
                    bool Fits(DateOnly? d) => d is { } x && ((e.Rec != "X1" && e.Dec is { } end && x <= end) || (e.Rne == "S" && x >= e.Decom));
                    // Some episode must fit, not every one: a child with two periods of care in the window could never pass otherwise.
                    if (!sw.Any(Fits))
                        ctx.Report(rule, e.Row, sw.Length == 0 ? "the child has no social worker episode" : "no social worker episode starts within the period of care this episode begins or ends");
                }
            }),
        Child("SW14STG2", YearsInForce.Between(2024, 2024), "SWEpisodes", ["SW_DEC"], "Only the latest social worker episode may have a blank SW_DEC",
            (c, ctx, rule) =>
            {
                var rows = Ordered(c);
                for (int i = 0; i < rows.Length - 1; i++)
                    if (rows[i].Dec is null) Flag(ctx, rule, rows[i].Row, "SW_DEC", "SW_DEC is blank but this is not the child's latest social worker episode");
            }),
        Child("SW17STG2", YearsInForce.Since(2026), "SWEpisodes", ["SW_DEC", "SW_DECOM"], "The child's latest social worker episode is open at 31 March (SW_DEC blank)",
            (c, ctx, rule) =>
            {
                var rows = Ordered(c);
                if (rows.Length == 0) return;
                // The latest is the one with the latest SW_DECOM; rows without one come last and count only when no row has one.
                int last = Array.FindLastIndex(rows, x => x.Decom is not null);
                var latest = rows[last >= 0 ? last : ^1].Row;
                if (latest["SW_DEC"] is not null)
                    Flag(ctx, rule, latest, "SW_DEC", "the child's latest social worker episode has ended, so none is open at 31 March");
            }),
    ];
}

/// <summary>The DfE's rules on DoLo (deprivation of liberty orders), collected from 2026-27.</summary>
public static class DoLoRules
{
    private static readonly TableSchema T = Tables.DoLo;

    private static readonly YearsInForce From2027 = YearsInForce.Since(2027);

    /// <summary>Row rules.</summary>
    public static readonly IReadOnlyList<RowRule> Row =
    [
        Row("700", From2027, T, ["DOLO_START"], "DOLO_START is a valid date (dd/mm/yyyy)",
            (r, _) => Dt(r, "DOLO_START") is null ? ("DOLO_START", r["DOLO_START"] is null ? "DOLO_START is blank" : $"DOLO_START '{r["DOLO_START"]}' is not a valid date") : null),
        Row("701", From2027, T, ["DOLO_END"], "DOLO_END, when given, is a valid date (dd/mm/yyyy)",
            (r, _) => r["DOLO_END"] is { } v && Dt(r, "DOLO_END") is null ? ("DOLO_END", $"DOLO_END '{v}' is not a valid date") : null),
        Row("702", From2027, T, ["DOLO_START", "DOLO_END"], "DOLO_END is after DOLO_START",
            (r, _) => Dt(r, "DOLO_START") is { } s && Dt(r, "DOLO_END") is { } e && e <= s ? ("DOLO_END", $"DOLO_END {Codes.Show(e)} is not after DOLO_START {Codes.Show(s)}") : null),
        Row("703", From2027, T, ["DOLO_START"], "DOLO_START is not after the end of the collection year",
            (r, c) => Dt(r, "DOLO_START") is { } s && s > c.YearEnd ? ("DOLO_START", $"DOLO_START {Codes.Show(s)} is after 31 March of the collection year") : null),
        Row("704", From2027, T, ["DOLO_END"], "DOLO_END, when given, is within the collection year",
            (r, c) => Dt(r, "DOLO_END") is { } e && (e < c.YearStart || e > c.YearEnd) ? ("DOLO_END", $"DOLO_END {Codes.Show(e)} is outside the collection year") : null),
        Row("708", From2027, T, ["DOLO_START", "DOB"], "DOLO_START is after the child's date of birth",
            (r, _) => Dt(r, "DOLO_START") is { } s && Dt(r, "DOB") is { } dob && s <= dob ? ("DOLO_START", "DOLO_START is not after the child's date of birth") : null),
    ];

    // The open validator reads a column PLACEMENT, which no table has, and stops; the episode's PLACE is meant.
    private static ChildRule Placement(string code, string description, Func<string?, bool> wrong) =>
        Child(code, From2027, "DoLo", ["DOLO_START", "PLACE"], description,
            (c, ctx, rule) =>
            {
                if (!c.Has(T)) return;
                foreach (var r in c.Rows(T))
                {
                    if (Dt(r, "DOLO_START") is not { } s || Dt(r, "DOLO_END") is not { } e) continue;
                    foreach (var ep in c.Episodes)
                        if ((ep.Dec is null || s <= ep.Dec) && e >= ep.Decom && wrong(ep.Place))
                        {
                            Flag(ctx, rule, r, "DOLO_START", $"the order overlaps an episode with PLACE {ep.Place}");
                            break;
                        }
                }
            });

    /// <summary>Per-child rules.</summary>
    public static readonly IReadOnlyList<ChildRule> Child =
    [
        Child("705", From2027, "DoLo", ["DOLO_START", "DOLO_END"], "A child's deprivation of liberty orders do not overlap, and only the latest may be open",
            (c, ctx, rule) =>
            {
                if (!c.Has(T)) return;
                var rows = c.Rows(T).Select(r => (Row: r, Start: Dt(r, "DOLO_START"), End: Dt(r, "DOLO_END")))
                    .OrderBy(x => x.End ?? x.Start ?? DateOnly.MaxValue).ThenBy(x => x.Start ?? DateOnly.MaxValue).ToArray();
                for (int i = 1; i < rows.Length; i++)
                {
                    var (prev, cur) = (rows[i - 1], rows[i]);
                    if (prev.End is null) Flag(ctx, rule, cur.Row, "DOLO_START", "an earlier order of this child is still open (DOLO_END blank)");
                    else if (cur.Start is { } s && s < prev.End) Flag(ctx, rule, cur.Row, "DOLO_START", $"DOLO_START {Codes.Show(s)} is before the previous order ended ({Codes.Show(prev.End.Value)})");
                }
            }),
        Child("707", From2027, "DoLo", ["DOLO_END"], "A deprivation of liberty order ends within a period of care, and may stay open only when the period of care is open",
            (c, ctx, rule) =>
            {
                if (!c.Has(T)) return;
                var periods = MissingRules.Periods(c);
                if (periods.Count == 0) return;
                foreach (var r in c.Rows(T))
                {
                    if (r["DOLO_START"] is null) continue;
                    var s = Dt(r, "DOLO_START");
                    var e = Dt(r, "DOLO_END");
                    bool Outside((DateOnly From, DateOnly? To) p) =>
                        (e is null && p.To is not null) || (e is null && s is { } st && st < p.From) || (e is { } en && ((p.To is { } to && en > to) || en < p.From));
                    if (periods.All(Outside)) Flag(ctx, rule, r, "DOLO_END", "the order does not end within any of the child's periods of care");
                }
            }),
        Placement("709", "A deprivation of liberty order overlaps only episodes placed in K2, Z12 or Z13", p => p is not ("K2" or "Z12" or "Z13")),
        Placement("710", "A deprivation of liberty order does not overlap an episode placed in K1, K3, P1 or R5", p => p is "K1" or "P1" or "R5" or "K3"),
    ];
}
