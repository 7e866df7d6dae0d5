using static Qp.Validate.Rules.R;

namespace Qp.Validate.Rules;

/// <summary>Episodes rules over one child's episodes in DECOM order (2xx): overlaps, open episodes, and RNE against what changed.</summary>
public static class EpisodeSequenceRules
{
    private const string T = "Episodes";

    /// <summary>Consecutive pairs (previous, current) of a child's episodes in DECOM order.</summary>
    private static IEnumerable<(EpisodeFact Prev, EpisodeFact Cur)> Pairs(ChildFacts c) => c.Ordered.Zip(c.Ordered.Skip(1));

    /// <summary>Whether <paramref name="cur"/> continues the same period of care: the previous episode ended X1 on its DECOM.</summary>
    private static bool Continues(EpisodeFact prev, EpisodeFact cur) => prev.Rec == "X1" && prev.Dec == cur.Decom;

    /// <summary>Every sequence rule.</summary>
    public static readonly IReadOnlyList<ChildRule> All =
    [
        new ChildRule("E218", E, T, ["DECOM", "DEC"], "Episodes of one child must not overlap (an episode must start on or after the previous one's DEC)",
            (c, ctx, rule) =>
            {
                foreach (var (p, e) in Pairs(c))
                    // Two episodes starting the same day overlap too when the first ends later (E220 reports the shared DECOM itself).
                    if (p.Dec is { } dec && dec > e.Decom)
                        ctx.Report(rule, e.DecomAt, $"DECOM {Codes.Show(e.Decom)} is before the previous episode's DEC {Codes.Show(dec)} (line {p.Row.Line}): episodes overlap");
            }) with { DfeCode = "501" },
        new ChildRule("E219", E, T, ["DEC", "REC"], "Only the child's latest episode may be open: every earlier one needs DEC and REC",
            (c, ctx, rule) =>
            {
                foreach (var (p, _) in Pairs(c))
                    if (p.Dec is null || p.Rec is null)
                        ctx.Report(rule, p.Row, $"episode has no {(p.Dec is null ? "DEC" : "REC")} but is not the child's latest episode");
            }) with { DfeCode = "142" },
        new("E220", E, T, ["DECOM"], "A child may not have two episodes with the same DECOM",
            (c, ctx, rule) =>
            {
                foreach (var (p, e) in Pairs(c))
                    if (p.Decom == e.Decom) ctx.Report(rule, e.DecomAt, $"a second episode with DECOM {Codes.Show(e.Decom)} (first at line {p.Row.Line})");
            }),
        new("E221", E, T, ["RNE"], "RNE must be S when a period of care starts: the first episode when it began in the collection year, or one not continuing from an episode that ended X1 on its DECOM",
            (c, ctx, rule) =>
            {
                var eps = c.Ordered;
                for (int i = 0; i < eps.Count; i++)
                {
                    var e = eps[i];
                    if (e.Rne is null or "S" || !Codes.Rne.Contains(e.Rne, ctx.Year)) continue;
                    // A first episode that began before the year continues a period whose start is in earlier returns (the DfE's
                    // return holds only the episodes open during the year, as its rule 357 allows).
                    bool starts = i == 0 ? e.Decom >= ctx.YearStart : !Continues(eps[i - 1], e);
                    if (starts) ctx.Report(rule, e.RneAt, $"RNE is {e.Rne} but this episode starts a period of care (RNE must be S)");
                }
            }),
        // E222–E227 are the QP era's forms of the DfE's 388, 431 and 434–436, which replace them from 2022-23.
        new ChildRule("E222", E, T, ["RNE"], "RNE must not be S for an episode continuing from one that ended X1 on its DECOM",
            (c, ctx, rule) =>
            {
                foreach (var (p, e) in Pairs(c))
                    if (e.Rne == "S" && Continues(p, e)) ctx.Report(rule, e.RneAt, "RNE is S but the previous episode ended X1 on this DECOM (the period of care continues)");
            }) with { Years = YearsInForce.Until(2022) },
        new ChildRule("E223", E, T, ["REC", "DEC"], "An episode ending X1 must be followed by an episode starting on its DEC",
            (c, ctx, rule) =>
            {
                var eps = c.Ordered;
                for (int i = 0; i < eps.Count; i++)
                    if (eps[i].Rec == "X1" && eps[i].Dec is { } dec && (i + 1 == eps.Count || eps[i + 1].Decom != dec))
                        ctx.Report(rule, eps[i].Row, $"REC is X1 but no episode starts on DEC {Codes.Show(dec)}");
            }) with { Years = YearsInForce.Until(2022) },
        new ChildRule("E224", E, T, ["RNE", "LS"], "RNE L, B or U (legal status changes) requires LS to differ from the previous episode",
            (c, ctx, rule) =>
            {
                foreach (var (p, e) in Pairs(c))
                    if (e.Rne is "L" or "B" or "U" && Continues(p, e) && p.Ls == e.Ls)
                        ctx.Report(rule, e.RneAt, $"RNE is {e.Rne} (legal status change) but LS is unchanged ({e.Ls})");
            }) with { Years = YearsInForce.Until(2022) },
        new ChildRule("E225", E, T, ["RNE", "PLACE", "PLACE_PROVIDER", "PL_POST", "URN"], "RNE L (legal status change only) requires PLACE, PLACE_PROVIDER, PL_POST and URN to be unchanged",
            (c, ctx, rule) =>
            {
                foreach (var (p, e) in Pairs(c))
                    if (e.Rne == "L" && Continues(p, e) && p.PlacementKey != e.PlacementKey)
                        ctx.Report(rule, e.RneAt, "RNE is L (legal status change only) but the placement changed");
            }) with { Years = YearsInForce.Until(2022) },
        new ChildRule("E226", E, T, ["RNE", "PLACE", "PLACE_PROVIDER", "PL_POST", "URN"], "RNE P, T, B or U (placement change) requires PLACE, PLACE_PROVIDER, PL_POST or URN to change",
            (c, ctx, rule) =>
            {
                foreach (var (p, e) in Pairs(c))
                    if (e.Rne is "P" or "T" or "B" or "U" && Continues(p, e) && p.PlacementKey == e.PlacementKey)
                        ctx.Report(rule, e.RneAt, $"RNE is {e.Rne} (placement change) but PLACE, PLACE_PROVIDER, PL_POST and URN are unchanged");
            }) with { Years = YearsInForce.Until(2022) },
        new ChildRule("E227", E, T, ["RNE", "LS"], "RNE P or T (placement change only) requires LS to be unchanged",
            (c, ctx, rule) =>
            {
                foreach (var (p, e) in Pairs(c))
                    if (e.Rne is "P" or "T" && Continues(p, e) && p.Ls != e.Ls)
                        ctx.Report(rule, e.RneAt, $"RNE is {e.Rne} but LS changed from {p.Ls} to {e.Ls} (use B or U)");
            }) with { Years = YearsInForce.Until(2022) },
    ];
}
