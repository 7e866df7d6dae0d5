using static Qp.Validate.Rules.Dfe.D;

namespace Qp.Validate.Rules.Dfe;

/// <summary>The DfE's rules on PlacedAdoption (decisions that a child should be placed for adoption).</summary>
public static class PlacedAdoptionRules
{
    private static readonly TableSchema T = Tables.PlacedAdoption;

    /// <summary>Row rules.</summary>
    public static readonly IReadOnlyList<RowRule> Row =
    [
        ValidDate("115", T, "DATE_PLACED"),
        ValidDate("116", T, "DATE_PLACED_CEASED"),
        Row("119", Since2023, T, ["REASON_PLACED_CEASED", "DATE_PLACED_CEASED"], "DATE_PLACED_CEASED and REASON_PLACED_CEASED are both given or both blank",
            (r, _) => (r["DATE_PLACED_CEASED"] is null, r["REASON_PLACED_CEASED"] is null) switch
            {
                (false, true) => ("REASON_PLACED_CEASED", "DATE_PLACED_CEASED is given but REASON_PLACED_CEASED is blank"),
                (true, false) => ("DATE_PLACED_CEASED", "REASON_PLACED_CEASED is given but DATE_PLACED_CEASED is blank"),
                _ => null,
            }),
        InList("120", T, "REASON_PLACED_CEASED", Codes.ReasonPlacedCeased),
        Row("522", Since2023, T, ["DATE_PLACED", "DATE_PLACED_CEASED"], "DATE_PLACED_CEASED is not before DATE_PLACED",
            (r, _) => Dt(r, "DATE_PLACED_CEASED") is { } ce && Dt(r, "DATE_PLACED") is { } pl && ce < pl
                ? ("DATE_PLACED_CEASED", $"DATE_PLACED_CEASED {Codes.Show(ce)} is before DATE_PLACED {Codes.Show(pl)}") : null),
        // The DfE compares with the DOB of the PlacedAdoption row itself (INT12 checks it against Header).
        Row("184", Since2023, T, ["DATE_PLACED", "DOB"], "DATE_PLACED is not before the child's date of birth",
            (r, _) => Dt(r, "DATE_PLACED") is { } d && (Dt(r, "DOB") is not { } dob || d < dob) ? ("DATE_PLACED", "DATE_PLACED is before the child's date of birth (or DOB is missing)") : null),
        Row("563", Since2023, T, ["DATE_PLACED", "REASON_PLACED_CEASED", "DATE_PLACED_CEASED"], "A decision that has ceased must have its DATE_PLACED",
            (r, _) => r["REASON_PLACED_CEASED"] is not null && r["DATE_PLACED_CEASED"] is not null && r["DATE_PLACED"] is null
                ? ("DATE_PLACED", "the decision has ceased (date and reason given) but DATE_PLACED is blank") : null),
    ];

    private static bool AdoptionPlace(string? p) => p is "A3" or "A4" or "A5" or "A6";

    private static bool Incomplete(SourceRow r) => r["DATE_PLACED_CEASED"] is null || r["REASON_PLACED_CEASED"] is null;

    private static ChildRule NoDecision(string code, YearsInForce years, string ls, string what) =>
        Child(code, years, "PlacedAdoption", ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
            $"A child with legal status {ls} ({what}) has a PlacedAdoption row, not marked ceased while the {ls} episode is open",
            (c, ctx, rule) =>
            {
                if (!ctx.Has(T)) return;
                var eps = c.Episodes.Where(e => e.Ls == ls).ToArray();
                if (eps.Length == 0) return;
                if (!c.Has(T))
                {
                    foreach (var e in eps) ctx.Report(rule, e.Row, $"LS is {ls} ({what}) but the child has no PlacedAdoption row");
                    return;
                }
                if (eps.Any(e => e.Dec is null))
                    foreach (var r in c.Rows(T))
                        if (r["DATE_PLACED_CEASED"] is not null || r["REASON_PLACED_CEASED"] is not null)
                            Flag(ctx, rule, r, r["DATE_PLACED_CEASED"] is not null ? "DATE_PLACED_CEASED" : "REASON_PLACED_CEASED",
                                $"the decision is marked ceased while the child's {ls} episode is still open");
            });

    // Codes are unique in the catalogue, so the DfE's change of 2024-25 (freeing orders D1 no longer count) is made inside the one unit.
    private static ChildRule NotAdoptedYetOpen(string code) =>
        Child(code, Since2023, "PlacedAdoption", ["DATE_PLACED_CEASED", "REASON_PLACED_CEASED", "PLACE", "LS", "REC"],
            "When a placement for adoption or a placement order (E1; also a freeing order D1 up to 2023-24) ends other than in adoption, the PlacedAdoption decision is marked ceased (date and reason)",
            (c, ctx, rule) =>
            {
                if (!ctx.Has(T)) return;
                bool withD1 = ctx.Year <= 2024;
                foreach (var e in c.Episodes)
                {
                    bool placedOrOrder = AdoptionPlace(e.Place) || e.Ls == "E1" || (withD1 && e.Ls == "D1");
                    if (!placedOrOrder || e.Rec is null or "X1" or "E11" or "E12") continue;
                    if (!c.Has(T)) { ctx.Report(rule, e.Row, $"the episode ended {e.Rec} (not adopted) but the child has no PlacedAdoption row"); continue; }
                    bool any = false;
                    foreach (var r in c.Rows(T))
                        if (Incomplete(r))
                        {
                            Flag(ctx, rule, r, r["DATE_PLACED_CEASED"] is null ? "DATE_PLACED_CEASED" : "REASON_PLACED_CEASED",
                                $"an adoption placement or order ended {e.Rec} (not adopted) but the decision is not marked ceased");
                            any = true;
                        }
                    if (any) FlagEpisode(ctx, rule, e, $"the episode ended {e.Rec} (not adopted) but the decision to place for adoption is not marked ceased");
                }
            });

    /// <summary>Per-child rules.</summary>
    public static readonly IReadOnlyList<ChildRule> Child =
    [
        Child("117", Since2023, "PlacedAdoption", ["DATE_PLACED", "DATE_PLACED_CEASED", "DEC", "REC", "DECOM"],
            "DATE_PLACED and DATE_PLACED_CEASED are not after the end of the year nor after the DEC of the child's latest episode",
            (c, ctx, rule) =>
            {
                if (!c.Has(T)) return;
                var last = c.Ordered.LastOrDefault(e => e.Rec != "X1");
                if (last is null) return;
                bool any = false;
                foreach (var r in c.Rows(T))
                    foreach (var f in new[] { "DATE_PLACED", "DATE_PLACED_CEASED" })
                        if (Dt(r, f) is { } d && (d > ctx.YearEnd || (last.Dec is { } dec && d > dec)))
                        {
                            Flag(ctx, rule, r, f, $"{f} {Codes.Show(d)} is after the end of the year or after the child's latest episode ended");
                            any = true;
                            break;
                        }
                if (any) FlagEpisode(ctx, rule, last, "the child's latest episode ended before a date in PlacedAdoption");
            }),
        Child("118", Since2023, "PlacedAdoption", ["DECOM", "LS", "DATE_PLACED_CEASED"],
            "DATE_PLACED_CEASED is not before the start of the year nor before the child's first episode (short breaks aside)",
            (c, ctx, rule) =>
            {
                if (!c.Has(T)) return;
                var first = c.Ordered.FirstOrDefault(e => e.Ls is not ("V3" or "V4"));
                if (first is null) return;
                bool any = false;
                foreach (var r in c.Rows(T))
                    if (Dt(r, "DATE_PLACED_CEASED") is { } d && (d < first.Decom || d < ctx.YearStart))
                    {
                        Flag(ctx, rule, r, "DATE_PLACED_CEASED", $"DATE_PLACED_CEASED {Codes.Show(d)} is before the start of the year or of the child's first episode");
                        any = true;
                    }
                if (any) FlagEpisode(ctx, rule, first, "the child's first episode began after DATE_PLACED_CEASED");
            }),
        Child("1003", Since2023, "PlacedAdoption", ["DATE_PLACED", "DECOM", "RNE"], "DATE_PLACED is not before the child's first period of care in the return began",
            (c, ctx, rule) =>
            {
                if (!c.Has(T)) return;
                var start = c.Ordered.FirstOrDefault(e => e.Rne == "S");
                if (start is null) return;
                bool any = false;
                foreach (var r in c.Rows(T))
                    if (Dt(r, "DATE_PLACED") is { } d && d < start.Decom)
                    {
                        Flag(ctx, rule, r, "DATE_PLACED", $"DATE_PLACED {Codes.Show(d)} is before the child started to be looked after ({Codes.Show(start.Decom)})");
                        any = true;
                    }
                if (any) FlagEpisode(ctx, rule, start, "the child started to be looked after after DATE_PLACED");
            }),
        Child("523", Since2023, "PlacedAdoption", ["DATE_PLACED", "DATE_INT"], "DATE_PLACED in PlacedAdoption equals DATE_INT in AD1",
            (c, ctx, rule) =>
            {
                if (!c.Has(T) || !c.Has(Tables.Ad1)) return;
                foreach (var p in c.Rows(T))
                    foreach (var a in c.Rows(Tables.Ad1))
                        if (p["DATE_PLACED"] is { } pl && a["DATE_INT"] is { } di && Dt(p, "DATE_PLACED") != Dt(a, "DATE_INT"))
                        {
                            Flag(ctx, rule, p, "DATE_PLACED", "DATE_PLACED differs from DATE_INT in AD1");
                            Flag(ctx, rule, a, "DATE_INT", "DATE_INT differs from DATE_PLACED in PlacedAdoption");
                        }
            }),
        Child("525", Since2023, "PlacedAdoption", ["DATE_PLACED_CEASED", .. Ad1Rules.Fields], "A child whose adoption decision has ceased has no AD1 information",
            (c, ctx, rule) =>
            {
                if (!c.Has(T) || !c.Has(Tables.Ad1)) return;
                var ad1 = c.Rows(Tables.Ad1).Where(a => Any(a, Ad1Rules.Fields)).ToArray();
                if (ad1.Length == 0) return;
                foreach (var p in c.Rows(T))
                    if (p["DATE_PLACED_CEASED"] is not null)
                    {
                        Flag(ctx, rule, p, "DATE_PLACED_CEASED", "the decision to place for adoption has ceased but the child has adoption information in AD1");
                        foreach (var a in ad1) Flag(ctx, rule, a, FirstGiven(a, Ad1Rules.Fields)!, "adoption information for a child whose decision to place for adoption has ceased");
                    }
            }),
        Child("551", Since2023, "PlacedAdoption", ["DATE_PLACED", "PLACE"], "A child placed for adoption (PLACE A3–A6) has a PlacedAdoption row with DATE_PLACED",
            (c, ctx, rule) =>
            {
                if (!ctx.Has(T)) return;
                bool missing = !c.Has(T) || c.Rows(T).Any(r => r["DATE_PLACED"] is null);
                if (!missing) return;
                foreach (var e in c.Episodes.Where(e => AdoptionPlace(e.Place)))
                    ctx.Report(rule, e.Row, $"PLACE is {e.Place} (placed for adoption) but the child has no PlacedAdoption row with DATE_PLACED");
            }),
        Child("552", Since2023, "PlacedAdoption", ["DATE_PLACED", "DECOM"], "The latest decision to place for adoption (DATE_PLACED) is on or before the first placement for adoption",
            (c, ctx, rule) =>
            {
                if (!c.Has(T)) return;
                var first = c.Ordered.FirstOrDefault(e => AdoptionPlace(e.Place));
                if (first is null || !c.Has(T)) return;
                var latest = c.Rows(T).Where(r => Dt(r, "DATE_PLACED") is not null).MaxBy(r => Dt(r, "DATE_PLACED"));
                if (latest is not null && first.Decom < Dt(latest, "DATE_PLACED"))
                {
                    Flag(ctx, rule, latest, "DATE_PLACED", $"DATE_PLACED is after the first placement for adoption began ({Codes.Show(first.Decom)})");
                    FlagEpisode(ctx, rule, first, "the first placement for adoption began before the decision to place for adoption (DATE_PLACED)");
                }
            }),
        NoDecision("553", Since2023, "E1", "placement order"),
        Child("554", Since2023, "PlacedAdoption", ["DATE_PLACED", "DECOM", "LS"], "DATE_PLACED is on or before the start of the child's first placement order episode (LS E1)",
            (c, ctx, rule) =>
            {
                if (!c.Has(T)) return;
                var first = c.Ordered.FirstOrDefault(e => e.Ls == "E1");
                if (first is null) return;
                bool any = false;
                foreach (var r in c.Rows(T))
                    if (Dt(r, "DATE_PLACED") is { } d && d > first.Decom)
                    {
                        Flag(ctx, rule, r, "DATE_PLACED", $"DATE_PLACED {Codes.Show(d)} is after the placement order began ({Codes.Show(first.Decom)})");
                        any = true;
                    }
                if (any) FlagEpisode(ctx, rule, first, "the placement order began before DATE_PLACED");
            }),
        NoDecision("555", YearsInForce.Between(2023, 2024), "D1", "freeing order"),
        Child("556", YearsInForce.Between(2023, 2024), "PlacedAdoption", ["DATE_PLACED", "DECOM"], "DATE_PLACED is on or before the start of every freeing order episode (LS D1)",
            (c, ctx, rule) =>
            {
                if (!c.Has(T)) return;
                foreach (var e in c.Episodes.Where(e => e.Ls == "D1"))
                    if (c.Rows(T).Any(r => Dt(r, "DATE_PLACED") is { } d && d > e.Decom))
                        ctx.Report(rule, e.DecomAt, $"the freeing order episode began ({Codes.Show(e.Decom)}) before DATE_PLACED");
            }),
        NotAdoptedYetOpen("557"),
        Child("558", Since2023, "PlacedAdoption", ["DATE_PLACED_CEASED", "REC"], "A child adopted (REC E11/E12) has at most one ceased adoption decision and none left open",
            (c, ctx, rule) =>
            {
                if (!c.Has(T)) return;
                var adopted = c.Episodes.Where(e => e.Rec is "E11" or "E12").ToArray();
                var rows = c.Rows(T).ToArray();
                if (adopted.Length == 0 || rows.Length == 0 || rows.Any(r => Dt(r, "DATE_PLACED_CEASED") is null)) return;
                if (adopted.Length * rows.Length > 1)
                    foreach (var e in adopted) ctx.Report(rule, e.Row, "the child was adopted but more than one decision to place for adoption has ceased");
            }),
        Child("579", Since2023, "PlacedAdoption", ["DATE_PLACED", "DATE_PLACED_CEASED"], "A new decision to place for adoption starts after the previous one ceased",
            (c, ctx, rule) =>
            {
                if (!c.Has(T)) return;
                var rows = c.Rows(T).OrderBy(r => Dt(r, "DATE_PLACED") ?? DateOnly.MaxValue).ToArray();
                for (int i = 1; i < rows.Length; i++)
                {
                    var prevCeased = Dt(rows[i - 1], "DATE_PLACED_CEASED");
                    if (prevCeased is null) Flag(ctx, rule, rows[i], "DATE_PLACED", "the previous decision to place for adoption has not ceased");
                    else if (Dt(rows[i], "DATE_PLACED") is { } d && d < prevCeased)
                        Flag(ctx, rule, rows[i], "DATE_PLACED", $"DATE_PLACED {Codes.Show(d)} is before the previous decision ceased ({Codes.Show(prevCeased.Value)})");
                }
            }),
        // The latest decision is the one with the latest DATE_PLACED as a date (the open validator orders the dates as text).
        Child("583", Since2023, "PlacedAdoption", ["DATE_PLACED", "DATE_PLACED_CEASED"], "Only the latest decision to place for adoption may be open (DATE_PLACED_CEASED blank)",
            (c, ctx, rule) =>
            {
                if (!c.Has(T)) return;
                var rows = c.Rows(T).ToArray();
                if (rows.Length < 2) return;
                var latest = rows.OrderByDescending(r => Dt(r, "DATE_PLACED") ?? DateOnly.MinValue).First();
                foreach (var r in rows)
                    if (r != latest && r["DATE_PLACED_CEASED"] is null) Flag(ctx, rule, r, "DATE_PLACED_CEASED", "an earlier decision to place for adoption is still open");
            }),
    ];
}
