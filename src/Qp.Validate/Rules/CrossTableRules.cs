using static Qp.Validate.Rules.R;

namespace Qp.Validate.Rules;

/// <summary>Rules over one child across tables (6xx), and the one-row-per-child rules of each table.</summary>
public static class CrossTableRules
{
    private static void Duplicates(IReadOnlyList<Location> rows, RuleContext ctx, Rule rule, string table)
    {
        for (int i = 1; i < rows.Count; i++) ctx.Report(rule, rows[i], $"a second {table} row for the same CHILD (first at line {rows[0].Line})");
    }

    /// <summary>Reports every row of a repeated CHILD, the first included (as the DfE's check does).</summary>
    private static void AllDuplicates(IReadOnlyList<Location> rows, RuleContext ctx, Rule rule, string table)
    {
        if (rows.Count < 2) return;
        ctx.Report(rule, rows[0], $"the same CHILD has {rows.Count} {table} rows (this is the first)");
        Duplicates(rows, ctx, rule, table);
    }

    /// <summary>Every per-child rule other than the episode sequence rules.</summary>
    public static readonly IReadOnlyList<ChildRule> All =
    [
        new ChildRule("E107", E, "Header", ["CHILD"], "One Header row per CHILD", (c, ctx, r) => AllDuplicates(c.HeaderRows, ctx, r, "Header")) with { DfeCode = "INT32" },
        new("E305", E, "OC1", ["CHILD"], "At most one OC1 row per CHILD", (c, ctx, r) => Duplicates(c.Oc1Rows, ctx, r, "OC1")),
        // From 2022-23 the DfE's INT33 is the same check.
        new ChildRule("E407", E, "OC2", ["CHILD"], "At most one OC2 row per CHILD", (c, ctx, r) => Duplicates(c.Oc2Rows, ctx, r, "OC2"))
            with { Years = YearsInForce.Until(2022) },
        new("E512", E, "CPR", ["CHILD", "REG_DATE"], "A child may not have two registrations with the same REG_DATE",
            (c, ctx, r) =>
            {
                foreach (var g in c.CprRows.Where(x => x.RegDate is not null).GroupBy(x => x.RegDate))
                    foreach (var dup in g.Skip(1)) ctx.Report(r, dup.Row, $"a second registration of the same CHILD on {Codes.Show(g.Key!.Value)} (first at line {g.First().Row.Line})");
            }),
        new ChildRule("E601", E, "cross-table", ["CHILD"], "Every child in Episodes must have a Header row",
            (c, ctx, r) =>
            {
                if (c.HeaderRows.Count == 0)
                    foreach (var e in c.Episodes) ctx.Report(r, e.Row, "CHILD has episodes but no Header row");
            }) with { DfeCode = "INT03" },
        // A warning, as the DfE treats it: children whose episodes are all in other returns appear so. Care leavers (an OC3 row) are
        // expected to have none, and the DfE's OC3 rules (1002, 1010, 1012) judge them.
        new("W602", W, "cross-table", ["CHILD"], "Every child in Header should have at least one episode, unless an OC3 row says they are a care leaver",
            (c, ctx, r) =>
            {
                if (c.HeaderRows.Count > 0 && c.Episodes.Count == 0 && !c.HasInvalidEpisodes && !c.IsCareLeaver)
                    ctx.Report(r, c.HeaderRows[0], "CHILD has a Header row but no episodes");
            }),
        // Header also lists care leavers (an OC3 row) aged up to 21, so only other children are checked.
        new ChildRule("W114", W, "Header", ["DOB"], "A child looked after (not a care leaver with an OC3 row) should be under 18 at the start of the collection year",
            (c, ctx, r) =>
            {
                if (c.HeaderRows.Count > 0 && !c.IsCareLeaver && c.Dob is { } dob && Qp.Domain.CollectionYear.AgeOn(dob, ctx.YearStart) >= 18)
                    ctx.Report(r, c.DobAt, "the child is 18 or over at the start of the collection year");
            }) { Years = YearsInForce.Until(2022) },
        new ChildRule("E603", E, "cross-table", ["DOB", "DECOM"], "The child's DOB must be before every DECOM (the first episode is reported)",
            (c, ctx, r) =>
            {
                if (c.Dob is { } dob && c.Ordered is [var first, ..] && first.Decom < dob)
                    ctx.Report(r, first.DecomAt, $"DECOM {Codes.Show(first.Decom)} is before the child's DOB");
            }) with { DfeCode = "302" },
        new("E604", E, "cross-table", ["CHILD"], "OC1 rows only for the A2 cohort (left care in the year aged 16 or over, not looked after at 31 March)",
            (c, ctx, r) => { if (c.Oc1Rows.Count > 0 && !c.InA2Cohort(ctx.Year)) ctx.Report(r, c.Oc1Rows[0], "OC1 row for a child who is not in the A2 cohort (care leavers aged 16 or over)"); }),
        new ChildRule("W605", W, "cross-table", ["CHILD"], "Every child in the A2 cohort should have an OC1 row",
            (c, ctx, r) =>
            {
                if (c.Oc1Rows.Count == 0 && c.HeaderRows.Count > 0 && c.InA2Cohort(ctx.Year))
                    ctx.Report(r, c.Ordered[^1].Row, "the child left care aged 16 or over in the year (A2 cohort) but has no OC1 row");
            }) with { Years = YearsInForce.Until(2004) }, // OC1 was collected in the QP era only (to 2003-04).
        new ChildRule("W606", W, "cross-table", ["CHILD"], "OC2 rows are for children looked after continuously for 12 months at 31 March",
            (c, ctx, r) =>
            {
                if (c.Oc2Rows.Count > 0 && (c.Episodes.Count == 0 || !c.ContinuouslyLookedAfter12Months(ctx.Year)))
                    ctx.Report(r, c.Oc2Rows[0], "OC2 row for a child not looked after continuously for 12 months at 31 March");
            }) with { Years = YearsInForce.Until(2022) }, // From 2022-23 the DfE's OC2 rules (185, 190, …) check the cohort.
        new("W607", W, "cross-table", ["CHILD", "DECOM", "DEC"], "Every child in Header should be looked after at some time in the collection year",
            (c, ctx, r) =>
            {
                if (c.HeaderRows.Count > 0 && c.Episodes.Count > 0 && !c.Episodes.Any(e => e.Decom <= ctx.YearEnd && (e.Dec is null || e.Dec > ctx.YearStart)))
                    ctx.Report(r, c.HeaderRows[0], "no episode of this child overlaps the collection year");
            }),
    ];
}
