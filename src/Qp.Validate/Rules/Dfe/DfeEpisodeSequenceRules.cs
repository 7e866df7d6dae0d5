using static Qp.Validate.Rules.Dfe.D;

namespace Qp.Validate.Rules.Dfe;

/// <summary>The DfE's Episodes rules over one child's episodes in DECOM order (codes as the DfE numbers them).</summary>
public static class DfeEpisodeSequenceRules
{
    private const string T = "Episodes";

    private static readonly string[] CeasedCare = ["E2", "E3", "E4A", "E4B", "E5", "E6", "E7", "E8", "E9", "E11", "E12", "E13", "E14", "E15", "E16", "E17",
        "E41", "E45", "E46", "E47", "E48"];

    /// <summary>Runs <paramref name="check"/> on each consecutive pair (previous, current) of the child's episodes.</summary>
    private static void Pairs(ChildFacts c, Action<EpisodeFact, EpisodeFact> check)
    {
        var eps = c.Ordered;
        for (int i = 1; i < eps.Count; i++) check(eps[i - 1], eps[i]);
    }

    /// <summary>Flags every episode of a run of consecutive episodes with legal status <paramref name="ls"/> lasting more than <paramref name="days"/> in all.</summary>
    private static void LegalStatusRun(ChildFacts c, RuleContext ctx, Rule rule, string ls, int days, string what)
    {
        var eps = c.Ordered;
        for (int i = 0; i < eps.Count;)
        {
            if (eps[i].Ls != ls) { i++; continue; }
            int j = i;
            // A run continues while the next episode has the same status and starts on the day this one ended.
            while (j + 1 < eps.Count && eps[j + 1].Ls == ls && eps[j].Dec is { } d && eps[j + 1].Decom <= d) j++;
            var end = eps[j].Dec ?? ctx.YearEnd;
            int length = end.DayNumber - eps[i].Decom.DayNumber;
            if (length > days)
                for (int k = i; k <= j; k++) ctx.Report(rule, eps[k].Row, $"{what} (LS {ls}) lasted {length} days, more than {days}");
            i = j + 1;
        }
    }

    /// <summary>Every DfE sequence rule.</summary>
    public static readonly IReadOnlyList<ChildRule> All =
    [
        Child("199", T, ["REC"], "A child adopted (REC E11 or E12) cannot have later episodes or a second adoption in the return",
            (c, ctx, rule) =>
            {
                bool adopted = false;
                foreach (var e in c.Ordered)
                {
                    bool adoption = e.Rec is "E11" or "E12";
                    if (adopted) ctx.Report(rule, e.Row, "episode after the child was adopted (an earlier episode ended E11 or E12)");
                    adopted |= adoption;
                }
            }),
        Child("225", T, ["REASON_PLACE_CHANGE"], "REASON_PLACE_CHANGE must be given when a placement ends X1 and the next episode changes placement (RNE P, B, T or U), temporary placements aside",
            (c, ctx, rule) => Pairs(c, (p, e) =>
            {
                if (p.Rec == "X1" && p.ReasonPlaceChange is null && !IsTemp(p.Place) && e.Rne is "P" or "B" or "T" or "U" && !IsTemp(e.Place))
                    ctx.Report(rule, p.Row, $"the placement changed (next episode RNE {e.Rne}) but REASON_PLACE_CHANGE is blank");
            })),
        Child("226", T, ["REASON_PLACE_CHANGE", "PLACE"], "REASON_PLACE_CHANGE must be blank on a temporary placement (T0–T4) and on the episode before it",
            (c, ctx, rule) =>
            {
                var eps = c.Ordered;
                for (int i = 0; i < eps.Count; i++)
                    if (IsTemp(eps[i].Place) && (eps[i].ReasonPlaceChange is not null || (i > 0 && eps[i - 1].ReasonPlaceChange is not null)))
                        ctx.Report(rule, eps[i].Row, $"temporary placement {eps[i].Place} with a REASON_PLACE_CHANGE on it or on the episode before");
            }),
        Child("336", T, ["PLACE"], "A child placed for adoption (A3 or A4) must come from a foster or adoption placement (A3–A6, U1–U6)",
            (c, ctx, rule) => Pairs(c, (p, e) =>
            {
                if (e.Place is "A3" or "A4" && p.Place is not ("A3" or "A4" or "A5" or "A6" or "U1" or "U2" or "U3" or "U4" or "U5" or "U6"))
                    ctx.Report(rule, e.Row, $"PLACE {e.Place} follows placement {p.Place ?? "blank"}, not a foster or adoption placement");
            })),
        Child("357", T, ["RNE"], "The child's first episode, when it starts in the collection year, must have RNE S",
            (c, ctx, rule) =>
            {
                if (c.Ordered is [var first, ..] && first.Decom >= ctx.YearStart && first.Rne != "S")
                    ctx.Report(rule, first.RneAt, $"first episode starts in the year with RNE {first.Rne ?? "blank"}, not S");
            }),
        Child("361", T, ["LS", "DECOM", "DEC"], "Police protection (LS L1) must not last more than 3 days (72 hours)",
            (c, ctx, rule) => LegalStatusRun(c, ctx, rule, "L1", 3, "police protection")),
        Child("362", T, ["LS", "DECOM", "DEC"], "An emergency protection order (LS L2) must not last more than 21 days",
            (c, ctx, rule) => LegalStatusRun(c, ctx, rule, "L2", 21, "emergency protection order")),
        Child("363", T, ["LS", "DECOM", "DEC"], "A child assessment order (LS L3) must not last more than 7 days",
            (c, ctx, rule) => LegalStatusRun(c, ctx, rule, "L3", 7, "child assessment order")),
        Child("364", T, ["LS", "DECOM", "DEC"], "Detention under PACE (LS J2) must not last more than 21 days",
            (c, ctx, rule) => LegalStatusRun(c, ctx, rule, "J2", 21, "detention under PACE")),
        Child("367", T, ["LS", "DECOM", "DEC"], "Short-term respite (LS V3) must not add up to more than 75 days in the collection year",
            (c, ctx, rule) =>
            {
                int total = 0;
                foreach (var e in c.Ordered)
                    if (e.Ls == "V3") total += Math.Max(0, Days(e, ctx));
                if (total <= 75) return;
                foreach (var e in c.Ordered)
                    if (e.Ls == "V3" && Days(e, ctx) > 0) ctx.Report(rule, e.Row, $"respite episodes add up to {total} days in the year (more than 75)");
            }),
        Child("377", T, ["PLACE"], "At most two temporary placements for the foster carer's holiday (T3) in the year",
            (c, ctx, rule) =>
            {
                int n = 0;
                foreach (var e in c.Ordered) if (e.Place == "T3") n++;
                if (n > 2)
                    foreach (var e in c.Ordered) if (e.Place == "T3") ctx.Report(rule, e.Row, $"{n} T3 placements in the year (at most 2)");
            }),
        Child("383", T, ["PLACE", "RNE", "PL_POST"], "After a temporary placement the child must return to the placement before it: RNE P, the same PLACE (and from 2025-26 the same PL_POST)",
            (c, ctx, rule) =>
            {
                var eps = c.Ordered;
                for (int i = 2; i < eps.Count; i++)
                {
                    var (before, temp, e) = (eps[i - 2], eps[i - 1], eps[i]);
                    if (IsTemp(temp.Place) && (e.Rne != "P" || e.Place != before.Place || (ctx.Year >= 2026 && e.PlPostKey != before.PlPostKey)))
                        ctx.Report(rule, e.Row, "after a temporary placement the child did not return to the previous placement (RNE P, same placement)");
                }
            }),
        Child("388", T, ["REC", "DEC"], "REC X1 (new episode follows) exactly when another episode starts on DEC",
            (c, ctx, rule) =>
            {
                var eps = c.Ordered;
                for (int i = 0; i < eps.Count; i++)
                {
                    var e = eps[i];
                    if (e.Dec is not { } dec || e.Rec is null) continue;
                    bool next = i + 1 < eps.Count && eps[i + 1].Decom == dec;
                    if (e.Rec == "X1" && !next) ctx.Report(rule, e.Row, $"REC is X1 but no episode starts on DEC {Codes.Show(dec)}");
                    else if (e.Rec != "X1" && i + 1 < eps.Count && next) ctx.Report(rule, e.Row, $"REC is {e.Rec} (care ended) but the next episode starts on DEC {Codes.Show(dec)}");
                }
            }),
        Child("392b", T, ["HOME_POST", "PL_POST"], "HOME_POST and PL_POST must both be given unless the child is on a short break (LS V3 or V4) or is or was UASC",
            (c, ctx, rule) =>
            {
                if (c.IsUasc) return;
                foreach (var e in c.Ordered)
                    if (!IsShortBreak(e.Ls) && !(e.HasHomePost && e.HasPlPost))
                        ctx.Report(rule, e.Row, $"{(e.HasHomePost ? "PL_POST" : "HOME_POST")} is blank");
            }),
        Child("426", T, ["LS"], "A child on short breaks cannot have both LS V3 and LS V4 in the same year",
            (c, ctx, rule) =>
            {
                bool v3 = false, v4 = false;
                foreach (var e in c.Ordered) { v3 |= e.Ls == "V3"; v4 |= e.Ls == "V4"; }
                if (v3 && v4)
                    foreach (var e in c.Ordered) if (IsShortBreak(e.Ls)) ctx.Report(rule, e.Row, "the child has both V3 and V4 episodes");
            }),
        Child("431", T, ["RNE", "DECOM"], "An episode with RNE S (starts care) must start after the previous episode ended",
            (c, ctx, rule) => Pairs(c, (p, e) =>
            {
                if (e.Rne == "S" && p.Dec is { } d && e.Decom <= d) ctx.Report(rule, e.RneAt, $"RNE is S but the previous episode ended on or after DECOM ({Codes.Show(d)})");
            })),
        Child("432", T, ["RNE"], "After an episode in which care ended (REC other than X1) the next episode must have RNE S",
            (c, ctx, rule) => Pairs(c, (p, e) =>
            {
                if (p.Rec is { } rec && Array.IndexOf(CeasedCare, rec) >= 0 && e.Rne != "S")
                    ctx.Report(rule, e.RneAt, $"the previous episode ended care (REC {rec}) but RNE is {e.Rne ?? "blank"}, not S");
            })),
        Child("433", T, ["RNE", "DECOM"], "An episode continuing care (RNE P, L, T, U or B) must start on the day the previous episode ended",
            (c, ctx, rule) => Pairs(c, (p, e) =>
            {
                if (e.Rne is "P" or "L" or "T" or "U" or "B" && p.Dec != e.Decom)
                    ctx.Report(rule, e.DecomAt, $"RNE is {e.Rne} but the previous episode did not end on DECOM {Codes.Show(e.Decom)}");
            })),
        Child("434", T, ["RNE", "LS", "PLACE", "PLACE_PROVIDER", "PL_POST", "URN"], "RNE L (legal status changed only): LS must change and PLACE, PLACE_PROVIDER, PL_POST and URN must not",
            (c, ctx, rule) => Pairs(c, (p, e) =>
            {
                if (e.Rne == "L" && (e.Ls == p.Ls || e.PlacementKey != p.PlacementKey))
                    ctx.Report(rule, e.RneAt, e.Ls == p.Ls ? $"RNE is L but LS is unchanged ({e.Ls})" : "RNE is L but the placement changed");
            })),
        Child("435", T, ["RNE", "LS", "PLACE", "PLACE_PROVIDER", "PL_POST", "URN"], "RNE P or T (placement changed only): LS must not change and the placement (PLACE, PLACE_PROVIDER, PL_POST or URN) must",
            (c, ctx, rule) => Pairs(c, (p, e) =>
            {
                if (e.Rne is "P" or "T" && (e.Ls != p.Ls || e.PlacementKey == p.PlacementKey))
                    ctx.Report(rule, e.RneAt, e.Ls != p.Ls ? $"RNE is {e.Rne} but LS changed from {p.Ls} to {e.Ls}" : $"RNE is {e.Rne} but the placement is unchanged");
            })),
        Child("436", T, ["RNE", "LS", "PLACE", "PLACE_PROVIDER", "PL_POST", "URN"], "RNE B or U (placement and legal status changed): both LS and the placement must change",
            (c, ctx, rule) => Pairs(c, (p, e) =>
            {
                if (e.Rne is "B" or "U" && (e.Ls == p.Ls || e.PlacementKey == p.PlacementKey))
                    ctx.Report(rule, e.RneAt, e.Ls == p.Ls ? $"RNE is {e.Rne} but LS is unchanged ({e.Ls})" : $"RNE is {e.Rne} but the placement is unchanged");
            })),
        Child("437", T, ["REC"], "A child who died or left care at 18 or over (REC E2 or E15) cannot have later episodes",
            (c, ctx, rule) => Pairs(c, (p, _) =>
            {
                if (p.Rec is "E2" or "E15") ctx.Report(rule, p.Row, $"REC is {p.Rec} but a later episode follows");
            })),
        Child("504", T, ["CIN"], "CIN must not change within a period of care (from an episode that ended X1 to the next)",
            (c, ctx, rule) => Pairs(c, (p, e) =>
            {
                if (p.Rec == "X1" && p.Dec == e.Decom && e.Cin != p.Cin) ctx.Report(rule, e.Row, $"CIN changed from {p.Cin ?? "blank"} to {e.Cin ?? "blank"} within a period of care");
            })),
    ];

    /// <summary>Days of <paramref name="e"/> inside the collection year (open episodes run to its end).</summary>
    private static int Days(EpisodeFact e, RuleContext ctx)
    {
        var end = e.Dec is { } d && d <= ctx.YearEnd ? d : ctx.YearEnd;
        var start = e.Decom < ctx.YearStart ? ctx.YearStart : e.Decom;
        return end.DayNumber - start.DayNumber;
    }
}
