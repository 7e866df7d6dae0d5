using static Qp.Validate.Rules.Dfe.D;

namespace Qp.Validate.Rules.Dfe;

/// <summary>The DfE's rules on AD1 (children adopted in the year).</summary>
public static class Ad1Rules
{
    private static readonly TableSchema T = Tables.Ad1;

    /// <summary>The adoption fields.</summary>
    public static readonly string[] Fields = ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"];

    private static RowRule Adopters(string code, string ls, string[] sexes, string what) =>
        Row(code, Since2023, T, ["LS_ADOPTR", "SEX_ADOPTR"], $"Adopters with legal status {ls} ({what}) must have SEX_ADOPTR {string.Join(" or ", sexes)}",
            (r, _) => r["LS_ADOPTR"] == ls && !sexes.Contains(r["SEX_ADOPTR"])
                ? ("SEX_ADOPTR", $"LS_ADOPTR is {ls} ({what}) but SEX_ADOPTR is {r["SEX_ADOPTR"] ?? "blank"}, not {string.Join(" or ", sexes)}") : null);

    /// <summary>Row rules.</summary>
    public static readonly IReadOnlyList<RowRule> Row =
    [
        ValidDate("112", T, "DATE_INT"),
        ValidDate("113", T, "DATE_MATCH"),
        InList("114", T, "FOSTER_CARE", Codes.Flag),
        Row("151", Since2023, T, Fields, "The AD1 fields are all given or all blank",
            (r, _) => Any(r, Fields) && FirstBlank(r, Fields) is { } f ? (f, $"{f} is blank although other adoption fields are given") : null),
        InList("175", T, "NB_ADOPTR", Codes.NbAdoptr),
        InList("176", T, "SEX_ADOPTR", Codes.SexAdoptr),
        InList("177", T, "LS_ADOPTR", Codes.LsAdoptr),
        Row("333", Since2023, T, ["DATE_INT", "DATE_MATCH"], "The decision to adopt (DATE_INT) must be given and not after the match (DATE_MATCH)",
            (r, _) => Dt(r, "DATE_MATCH") is { } m && Dt(r, "DATE_INT") is var i && (i is null || i > m)
                ? ("DATE_INT", i is null ? "DATE_MATCH is given but DATE_INT is missing or invalid" : $"DATE_INT {Codes.Show(i!.Value)} is after DATE_MATCH {Codes.Show(m)}") : null),
        Row("511", Since2023, T, ["NB_ADOPTR", "SEX_ADOPTR"], "Two adopters (NB_ADOPTR 2) cannot have a single-adopter SEX_ADOPTR (M1 or F1)",
            (r, _) => r["NB_ADOPTR"] == "2" && r["SEX_ADOPTR"] is "M1" or "F1" ? ("SEX_ADOPTR", $"NB_ADOPTR is 2 but SEX_ADOPTR is {r["SEX_ADOPTR"]}") : null),
        Adopters("514", "L0", ["M1", "F1"], "a single adopter"),
        Adopters("517", "L3", ["MF"], "an unmarried couple of different sexes"),
        Adopters("518", "L4", ["MM", "FF"], "an unmarried couple of the same sex"),
        Adopters("519", "L2", ["MM", "FF", "MF"], "a couple"),
        Adopters("520", "L11", ["MF"], "a married couple of different sexes"),
        Adopters("524", "L12", ["MM", "FF"], "a married couple of the same sex"),
    ];

    private static bool AdoptedInYear(EpisodeFact e, RuleContext ctx) =>
        e.Rec is "E11" or "E12" && e.Dec is { } dec && dec >= ctx.YearStart && dec <= ctx.YearEnd;

    /// <summary>Per-child rules.</summary>
    public static readonly IReadOnlyList<ChildRule> Child =
    [
        Child("331", Since2023, "AD1", ["DATE_MATCH", "DECOM", "REC"], "The match with the adopters (DATE_MATCH) is on or before the start of the episode that ended in adoption",
            (c, ctx, rule) =>
            {
                if (!c.Has(T)) return;
                foreach (var e in c.Episodes.Where(e => e.Rec is "E11" or "E12"))
                {
                    bool any = false;
                    foreach (var r in c.Rows(T))
                        if (Dt(r, "DATE_MATCH") is { } m && m > e.Decom)
                        {
                            Flag(ctx, rule, r, "DATE_MATCH", $"DATE_MATCH {Codes.Show(m)} is after the start ({Codes.Show(e.Decom)}) of the episode that ended in adoption");
                            any = true;
                        }
                    if (any) FlagEpisode(ctx, rule, e, "the episode that ended in adoption began before the match with the adopters (DATE_MATCH)");
                }
            }),
        Child("334", Since2023, "AD1", ["DATE_INT", "DECOM", "RNE"], "The decision to adopt (DATE_INT) is not before the start of the latest period of care",
            (c, ctx, rule) =>
            {
                if (!c.Has(T)) return;
                var start = c.Ordered.LastOrDefault(e => e.Rne == "S");
                if (start is null) return;
                bool any = false;
                foreach (var r in c.Rows(T))
                    if (Dt(r, "DATE_INT") is { } i && i < start.Decom)
                    {
                        Flag(ctx, rule, r, "DATE_INT", $"DATE_INT {Codes.Show(i)} is before the start of the period of care ({Codes.Show(start.Decom)})");
                        any = true;
                    }
                if (any) FlagEpisode(ctx, rule, start, "the period of care began after the decision to adopt (DATE_INT)");
            }),
        Child("335", Since2023, "AD1", ["PLACE", "FOSTER_CARE"], "FOSTER_CARE agrees with the adoption placement: 1 for placement with the child's foster carer (A3/A5), 0 otherwise (A4/A6)",
            (c, ctx, rule) =>
            {
                if (!c.Has(T)) return;
                foreach (var e in c.Episodes.Where(e => e.Rec is "E11" or "E12"))
                {
                    bool any = false;
                    foreach (var r in c.Rows(T))
                        if ((e.Place is "A3" or "A5" && r["FOSTER_CARE"] == "0") || (e.Place is "A4" or "A6" && r["FOSTER_CARE"] == "1"))
                        {
                            Flag(ctx, rule, r, "FOSTER_CARE", $"FOSTER_CARE is {r["FOSTER_CARE"]} but the adoption placement was {e.Place}");
                            any = true;
                        }
                    if (any) FlagEpisode(ctx, rule, e, $"the adoption placement {e.Place} does not agree with FOSTER_CARE in AD1");
                }
            }),
        Child("521", Since2023, "AD1", ["PLACE", "DECOM", "DATE_INT"], "The decision to adopt (DATE_INT) is on or before the start of every placement for adoption (A3–A6)",
            (c, ctx, rule) =>
            {
                if (!c.Has(T)) return;
                foreach (var e in c.Episodes.Where(e => e.Place is "A3" or "A4" or "A5" or "A6"))
                {
                    bool any = false;
                    foreach (var r in c.Rows(T))
                        if (Dt(r, "DATE_INT") is { } i && i > e.Decom)
                        {
                            Flag(ctx, rule, r, "DATE_INT", $"DATE_INT {Codes.Show(i)} is after the start of the placement for adoption ({Codes.Show(e.Decom)})");
                            any = true;
                        }
                    if (any) FlagEpisode(ctx, rule, e, "the placement for adoption began before the decision to adopt (DATE_INT)");
                }
            }),
        Child("582", Since2023, "AD1", ["DEC", "DATE_MATCH"], "The adoption (DEC of an episode ending E11/E12) cannot be on the day of the match (DATE_MATCH)",
            (c, ctx, rule) =>
            {
                if (!c.Has(T)) return;
                foreach (var e in c.Episodes.Where(e => e.Rec is "E11" or "E12" && e.Dec is not null))
                    if (c.Rows(T).Any(r => Dt(r, "DATE_MATCH") == e.Dec))
                        ctx.Report(rule, e.Row, $"the child was adopted on {Codes.Show(e.Dec!.Value)}, the day of the match with the adopters (DATE_MATCH)");
            }),
        Child("601", Since2023, "AD1", Fields, "A child adopted in the year has every AD1 field given",
            (c, ctx, rule) =>
            {
                if (!c.Has(T) || !c.Episodes.Any(e => AdoptedInYear(e, ctx))) return;
                bool any = false;
                foreach (var r in c.Rows(T))
                    if (FirstBlank(r, Fields) is { } f)
                    {
                        Flag(ctx, rule, r, f, $"{f} is blank for a child adopted in the year");
                        any = true;
                    }
                if (any)
                    foreach (var e in c.Episodes.Where(e => AdoptedInYear(e, ctx))) FlagEpisode(ctx, rule, e, "the child was adopted in the year but the AD1 row is incomplete");
            }),
        Child("602", Since2023, "AD1", ["CHILD"], "AD1 information is only for children adopted in the year (an episode ending E11/E12 in the year)",
            (c, ctx, rule) =>
            {
                if (!c.Has(T) || c.Episodes.Any(e => AdoptedInYear(e, ctx))) return;
                foreach (var r in c.Rows(T))
                    if (Any(r, Fields)) Flag(ctx, rule, r, "CHILD", "adoption information for a child not adopted in the year");
            }),
    ];
}
