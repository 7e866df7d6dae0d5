using static Qp.Validate.Rules.Dfe.D;

namespace Qp.Validate.Rules.Dfe;

/// <summary>The DfE's integrity rules (INTxx) on the tables other than Header and Episodes: every child is in Header, with the same DOB and SEX, once per table.</summary>
public static class IntegrityRules
{
    private static ChildRule NotInHeader(string code, TableSchema t) =>
        Child(code, Since2023, t.Name, ["CHILD"], $"Every child in {t.Name} has a Header row",
            (c, ctx, rule) =>
            {
                if (c.HeaderRows.Count > 0 || !c.Has(t)) return;
                foreach (var r in c.Rows(t)) Flag(ctx, rule, r, "CHILD", $"the child of this {t.Name} row has no Header row");
            });

    private static ChildRule SameDob(string code, TableSchema t) =>
        Child(code, Since2023, t.Name, ["DOB"], $"DOB in {t.Name} is the child's DOB in Header",
            (c, ctx, rule) =>
            {
                if (!c.Has(t) || c.Dob is not { } dob || c.HeaderRows.Count == 0) return;
                foreach (var r in c.Rows(t))
                    if (Dt(r, "DOB") is { } d && d != dob) Flag(ctx, rule, r, "DOB", $"DOB differs from the child's DOB in Header");
            });

    private static ChildRule Once(string code, TableSchema t) =>
        Child(code, Since2023, t.Name, ["CHILD"], $"A child has at most one {t.Name} row",
            (c, ctx, rule) =>
            {
                if (!c.Has(t)) return;
                int n = 0;
                foreach (var _ in c.Rows(t)) n++;
                if (n < 2) return;
                foreach (var r in c.Rows(t)) Flag(ctx, rule, r, "CHILD", $"the child has {n} {t.Name} rows");
            });

    /// <summary>Per-child rules.</summary>
    public static readonly IReadOnlyList<ChildRule> Child =
    [
        NotInHeader("INT01", Tables.Ad1),
        NotInHeader("INT02", Tables.PlacedAdoption),
        NotInHeader("INT04", Tables.Missing),
        NotInHeader("INT05", Tables.Oc2),
        NotInHeader("INT06", Tables.Oc3),
        NotInHeader("INT07", Tables.PrevPerm),
        NotInHeader("INT08", Tables.Reviews),
        NotInHeader("INT09", Tables.Uasc),
        SameDob("INT11", Tables.Ad1),
        SameDob("INT12", Tables.PlacedAdoption),
        SameDob("INT13", Tables.Missing),
        SameDob("INT14", Tables.Oc2),
        SameDob("INT15", Tables.Oc3),
        SameDob("INT16", Tables.PrevPerm),
        SameDob("INT17", Tables.Reviews),
        SameDob("INT18", Tables.Uasc),
        Child("INT21", Since2023, "UASC", ["SEX"], "SEX in UASC is the child's SEX in Header",
            (c, ctx, rule) =>
            {
                if (!c.Has(Tables.Uasc) || c.HeaderRows.Count == 0 || c.Sex is not { } sex) return;
                foreach (var r in c.Rows(Tables.Uasc))
                    if (r["SEX"] is { } s && !string.Equals(s, sex, StringComparison.OrdinalIgnoreCase)) Flag(ctx, rule, r, "SEX", $"SEX {s} differs from SEX {sex} in Header");
            }),
        Once("INT31", Tables.Ad1),
        Once("INT33", Tables.Oc2),
        Once("INT34", Tables.Oc3),
        Once("INT35", Tables.PrevPerm),
        Once("INT36", Tables.Uasc),
    ];
}

/// <summary>Every DfE rule on the tables other than Header and Episodes, gathered for the registry.</summary>
public static class DfeOtherRules
{
    /// <summary>Row rules by table.</summary>
    public static readonly IReadOnlyDictionary<TableSchema, IReadOnlyList<RowRule>> Row = new Dictionary<TableSchema, IReadOnlyList<RowRule>>
    {
        [Tables.Oc2] = Oc2Rules.Row,
        [Tables.Oc3] = Oc3Rules.Row,
        [Tables.Ad1] = Ad1Rules.Row,
        [Tables.PlacedAdoption] = PlacedAdoptionRules.Row,
        [Tables.Missing] = MissingRules.Row,
        [Tables.Reviews] = ReviewsRules.Row,
        [Tables.Uasc] = UascRules.Row,
        [Tables.PrevPerm] = PrevPermRules.Row,
        [Tables.SwEpisodes] = SwEpisodeRules.Row,
        [Tables.DoLo] = DoLoRules.Row,
    };

    /// <summary>Per-child rules.</summary>
    public static readonly IReadOnlyList<ChildRule> Child =
    [
        .. Oc2Rules.Child, .. Oc3Rules.Child, .. Ad1Rules.Child, .. PlacedAdoptionRules.Child, .. MissingRules.Child, .. ReviewsRules.Child,
        .. UascRules.Child, .. PrevPermRules.Child, .. SwEpisodeRules.Child, .. DoLoRules.Child, .. IntegrityRules.Child,
    ];
}
