using Qp.Domain.Returns;
using static Qp.Validate.Rules.R;

namespace Qp.Validate.Rules;

/// <summary>
/// Rules comparing a child's episodes with the same authority's return for the year before (7xx), as the DfE's previous-year
/// rules compare the last episode of last year with the first of this year. They run only when that return is known
/// (<see cref="RuleContext.Previous"/>) and are warnings: the stored earlier return may since have been corrected at source.
/// "This year's" episode is matched by DECOM rather than taken as the child's first row, so a return that also carries a
/// child's earlier episodes (the whole period of care) is compared the same way as one holding only the year's episodes.
/// W702 and W703 are the QP era's (up to 2021-22); from 2022-23 the DfE's own rules, one per field, take their place
/// (<see cref="Dfe.PreviousEpisodeRules"/>).
/// </summary>
public static class PreviousYearRules
{
    private const string T = "previous";

    // From 2022-23 the DfE's own rules take over, one per field (Rules.Dfe.PreviousEpisodeRules: 503A–J, 562, NoE).
    private const int QpEraEnd = Dfe.DfeTables.FirstYear - 1;

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    // U1–U6 replaced the legacy foster codes in 2000-01: an open Q1 (relative or friend) recoded U1–U3, or Q2 recoded U4–U6, is the same placement.
    private static bool Recoded(string field, string? was, string? now) => field == "PLACE" && (was?.ToUpperInvariant(), now?.ToUpperInvariant()) switch
    {
        ("Q1", "U1" or "U2" or "U3") or ("Q2", "U4" or "U5" or "U6") => true,
        _ => false,
    };

    // Last year's latest episode of the child when it was still open at the end of that year.
    private static Episode? OpenLastYear(ChildFacts c, RuleContext ctx) =>
        c.Episodes.Count > 0 && ctx.Previous?.LatestOf(c.Id) is { Dec: null } last ? last : null;

    /// <summary>Every previous-year rule.</summary>
    public static readonly IReadOnlyList<ChildRule> All =
    [
        new ChildRule("W701", W, T, ["DECOM"], "An episode open at the end of last year's return must continue in this year's, with the same DECOM (DfE 502)",
            (c, ctx, rule) =>
            {
                if (OpenLastYear(c, ctx) is not { } last || c.Episodes.Any(e => e.Decom == last.Decom)) return;
                var first = c.Ordered.FirstOrDefault(e => e.Dec is null || e.Dec >= ctx.YearStart) ?? c.Ordered[0];
                ctx.Report(rule, first.DecomAt, $"last year's return ended with an episode open since {Codes.Show(last.Decom)}, but no episode here starts on that date");
            }) with { DfeCode = "502" },
        new ChildRule("W702", W, T, ["RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER"],
            "The episode open at the end of last year's return must keep its RNE, LS, CIN, PLACE and PLACE_PROVIDER in this year's (DfE 503A–E)",
            (c, ctx, rule) =>
            {
                if (OpenLastYear(c, ctx) is not { } last || c.Episodes.FirstOrDefault(e => e.Decom == last.Decom) is not { } e) return;
                var changed = new (string Field, string? Was, string? Now)[]
                    { ("RNE", last.Rne, e.Rne), ("LS", last.Ls, e.Ls), ("CIN", last.Cin, e.Cin), ("PLACE", last.Place, e.Place), ("PLACE_PROVIDER", last.PlaceProvider, e.Provider) }
                    .Where(f => !Same(f.Was, f.Now) && !Recoded(f.Field, f.Was, f.Now)).Select(f => $"{f.Field} was {f.Was ?? "blank"}, now {f.Now ?? "blank"}").ToArray();
                if (changed.Length > 0)
                    ctx.Report(rule, e.Row, $"the episode open at the end of last year's return differs from it: {string.Join("; ", changed)}");
            }) with { Years = YearsInForce.Until(QpEraEnd) },
        new ChildRule("W703", W, T, ["DECOM"], "An episode open on 1 April must be the latest episode of the child in last year's return (DfE 562 and NoE)",
            (c, ctx, rule) =>
            {
                if (ctx.Previous is not { } previous) return;
                var carried = c.Ordered.FirstOrDefault(e => e.Decom < ctx.YearStart && (e.Dec is null || e.Dec >= ctx.YearStart));
                if (carried is null) return;
                var last = previous.LatestOf(c.Id);
                if (last is null)
                    ctx.Report(rule, carried.DecomAt, $"the episode began before the collection year ({Codes.Show(carried.Decom)}) but last year's return has no episode of this child");
                else if (last.Dec is not null && last.Decom != carried.Decom)
                    ctx.Report(rule, carried.DecomAt, $"the episode began before the collection year ({Codes.Show(carried.Decom)}) but is missing from last year's return, whose latest episode of this child began {Codes.Show(last.Decom)}");
            }) with { DfeCode = "562", Years = YearsInForce.Until(QpEraEnd) },
    ];
}
