using static Qp.Validate.Rules.Dfe.D;

namespace Qp.Validate.Rules.Dfe;

/// <summary>The DfE's rules on OC2 (outcomes of children looked after continuously for 12 months), 2022-23 on.</summary>
public static class Oc2Rules
{
    private static readonly TableSchema T = Tables.Oc2;

    private static readonly string[] Flags =
        ["CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"];

    private static readonly string[] Health = ["IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"];

    private static readonly string[] Sdq = ["SDQ_SCORE", "SDQ_REASON"];

    /// <summary>Row rules.</summary>
    public static readonly IReadOnlyList<RowRule> Row =
    [
        Row("542", Since2023, T, ["CONVICTED", "DOB"], "CONVICTED must be blank for a child under 10 at 31 March",
            (r, c) => r["CONVICTED"] is not null && Dt(r, "DOB") is { } dob && dob.AddYears(10) > c.YearEnd
                ? ("CONVICTED", "CONVICTED is given but the child was under 10 at 31 March") : null),
        Row("158", Since2023, T, ["INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"], "INTERVENTION_OFFERED must be blank when INTERVENTION_RECEIVED is 1",
            (r, _) => r["INTERVENTION_RECEIVED"] == "1" && r["INTERVENTION_OFFERED"] is not null ? ("INTERVENTION_OFFERED", "the intervention was received (INTERVENTION_RECEIVED 1), so INTERVENTION_OFFERED must be blank") : null),
        Row("159", Since2023, T, ["SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"], "When substance misuse is recorded and no intervention was received, INTERVENTION_OFFERED must be given",
            (r, _) => r["SUBSTANCE_MISUSE"] == "1" && r["INTERVENTION_RECEIVED"] == "0" && r["INTERVENTION_OFFERED"] is null ? ("INTERVENTION_OFFERED", "SUBSTANCE_MISUSE is 1 and INTERVENTION_RECEIVED is 0 but INTERVENTION_OFFERED is blank") : null),
        Row("180", Since2023, T, ["SDQ_SCORE"], "SDQ_SCORE, when given, must be a whole number from 0 to 40",
            (r, _) => r["SDQ_SCORE"] is { } s && !(int.TryParse(s, out int n) && n is >= 0 and <= 40) ? ("SDQ_SCORE", $"SDQ_SCORE '{s}' is not a whole number from 0 to 40") : null),
        Row("181", Since2023, T, Flags, "The OC2 yes/no fields must be 0 or 1 when given",
            (r, _) => Flags.FirstOrDefault(f => r[f] is { } v && v is not ("0" or "1")) is { } bad ? (bad, $"{bad} '{r[bad]}' is not 0 or 1") : null),
        Row("182", Since2023, T, Flags, "Either all of the OC2 health and offending fields are blank, or IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT and SUBSTANCE_MISUSE are all given",
            (r, _) => FirstBlank(r, Health) is { } blank && Any(r, ["CONVICTED", "HEALTH_CHECK", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"])
                ? (blank, $"{blank} is blank although other OC2 outcome fields are given") : null),
        Row("188", Since2023, T, ["SDQ_SCORE", "SDQ_REASON", "DOB"], "No SDQ is recorded for a child under 4 at the end of the collection year",
            (r, c) => Dt(r, "DOB") is { } dob && dob.AddYears(4) > c.YearEnd && FirstGiven(r, Sdq) is { } f ? (f, $"{f} is given but the child is under 4 at 31 March") : null),
        Row("189", Since2023, T, ["SDQ_SCORE", "SDQ_REASON", "DOB"], "No SDQ is recorded for a young person aged 17 or over at the start of the collection year",
            (r, c) => Dt(r, "DOB") is { } dob && dob.AddYears(17) < c.YearStart && FirstGiven(r, Sdq) is { } f ? (f, $"{f} is given but the young person was over 17 at 1 April") : null),
        Row("192", Since2023, T, ["SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED"], "INTERVENTION_RECEIVED must be given when SUBSTANCE_MISUSE is 1",
            (r, _) => r["SUBSTANCE_MISUSE"] == "1" && r["INTERVENTION_RECEIVED"] is null ? ("INTERVENTION_RECEIVED", "SUBSTANCE_MISUSE is 1 but INTERVENTION_RECEIVED is blank") : null),
        Row("193", Since2023, T, ["SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"], "INTERVENTION_RECEIVED and INTERVENTION_OFFERED must be blank unless SUBSTANCE_MISUSE is 1",
            (r, _) => r["SUBSTANCE_MISUSE"] is null or "0" && FirstGiven(r, ["INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"]) is { } f
                ? (f, $"{f} is given but no substance misuse is recorded (SUBSTANCE_MISUSE {r["SUBSTANCE_MISUSE"] ?? "blank"})") : null),
        InList("196", T, "SDQ_REASON", Codes.SdqReason),
        Row("197a", Since2023, T, ["SDQ_SCORE", "SDQ_REASON"], "SDQ_REASON (why there is no score) must be blank when SDQ_SCORE is given",
            (r, _) => r["SDQ_SCORE"] is not null && r["SDQ_REASON"] is not null ? ("SDQ_REASON", "both SDQ_SCORE and SDQ_REASON are given") : null),
        Row("544", Since2023, T, ["CONVICTED", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"], "When CONVICTED is 1, the health fields must all be given",
            (r, _) => r["CONVICTED"] == "1" && FirstBlank(r, Health) is { } f ? (f, $"CONVICTED is 1 but {f} is blank") : null),
        Row("547", Since2023, T, ["HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"], "When HEALTH_CHECK is 1, the other health fields must all be given",
            (r, _) => r["HEALTH_CHECK"] == "1" && FirstBlank(r, Health) is { } f ? (f, $"HEALTH_CHECK is 1 but {f} is blank") : null),
    ];

    private static void EachOc2(ChildFacts c, RuleContext ctx, Rule rule, Func<SourceRow, bool, (string Field, string Message)?> check)
    {
        if (!c.Has(T)) return;
        bool cla = ContinuouslyLookedAfter(c, ctx);
        foreach (var r in c.Rows(T))
            if (check(r, cla) is { } f) Flag(ctx, rule, r, f.Field, f.Message);
    }

    /// <summary>Per-child rules: they depend on whether the child was looked after continuously through the year.</summary>
    public static readonly IReadOnlyList<ChildRule> Child =
    [
        Child("157", Since2023, "OC2", ["SDQ_REASON", "DOB"], "SDQ1 (no form returned because the child is under 4 or over 16) does not fit a child aged 4 to 16 through the year",
            (c, ctx, rule) => EachOc2(c, ctx, rule, (r, cla) => cla && Dt(r, "DOB") is { } dob && dob.AddYears(4) <= ctx.YearStart && dob.AddYears(16) >= ctx.YearEnd
                && r["SDQ_SCORE"] is null && r["SDQ_REASON"] == "SDQ1" ? ("SDQ_REASON", "SDQ_REASON is SDQ1 but the child was aged 4 to 16 through the year") : null)),
        Child("185", Since2023, "OC2", ["SDQ_SCORE"], "SDQ_SCORE is given only for children looked after continuously through the year",
            (c, ctx, rule) => EachOc2(c, ctx, rule, (r, cla) => !cla && r["SDQ_SCORE"] is not null ? ("SDQ_SCORE", "SDQ_SCORE is given but the child was not looked after continuously through the year") : null)),
        Child("186", Since2023, "OC2", ["SDQ_SCORE", "SDQ_REASON"], "A child aged 4 to 16 looked after continuously needs an SDQ_SCORE or an SDQ_REASON",
            (c, ctx, rule) => EachOc2(c, ctx, rule, (r, cla) => cla && Dt(r, "DOB") is { } dob && dob.AddYears(4) <= ctx.YearStart && dob.AddYears(17) > ctx.YearEnd
                && !Any(r, Sdq) ? ("SDQ_SCORE", "both SDQ_SCORE and SDQ_REASON are blank for a child aged 4 to 16 looked after continuously") : null)),
        Child("190", Since2023, "OC2", Flags, "The OC2 outcome fields are blank for a child not looked after continuously through the year",
            (c, ctx, rule) => EachOc2(c, ctx, rule, (r, cla) => !cla && FirstGiven(r, Flags) is { } f ? (f, $"{f} is given but the child was not looked after continuously through the year") : null)),
        Child("191", Since2023, "OC2", ["IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "CHILD"],
            "A child looked after continuously through the year has an OC2 row with IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT and SUBSTANCE_MISUSE",
            (c, ctx, rule) =>
            {
                if (!ctx.Has(T) || c.Episodes.Count == 0 || !ContinuouslyLookedAfter(c, ctx)) return;
                if (!c.Has(T)) ctx.Report(rule, c.Ordered[0].Row, "the child was looked after continuously through the year but has no OC2 row");
                else EachOc2(c, ctx, rule, (r, _) => FirstBlank(r, Health) is { } f ? (f, $"{f} is blank for a child looked after continuously through the year") : null);
            }),
        Child("197B", Since2023, "OC2", ["SDQ_REASON", "DOB"], "A child who turned 4 or 17 in the year and was looked after continuously needs an SDQ_SCORE or an SDQ_REASON",
            (c, ctx, rule) => EachOc2(c, ctx, rule, (r, cla) =>
            {
                if (!cla || Dt(r, "DOB") is not { } dob || Any(r, Sdq)) return null;
                bool turns(int n) => dob.AddYears(n) >= ctx.YearStart && dob.AddYears(n) <= ctx.YearEnd;
                return turns(4) || turns(17) ? ("SDQ_REASON", "both SDQ_SCORE and SDQ_REASON are blank for a child who turned 4 or 17 in the year") : null;
            })),
        Child("198", Since2023, "OC2", ["SDQ_REASON"], "SDQ_REASON is given only for children looked after continuously through the year",
            (c, ctx, rule) => EachOc2(c, ctx, rule, (r, cla) => !cla && r["SDQ_REASON"] is not null ? ("SDQ_REASON", "SDQ_REASON is given but the child was not looked after continuously through the year") : null)),
        Child("543", Since2023, "OC2", ["CONVICTED", "DOB"], "CONVICTED must be given for a child aged 10 or over at 31 March looked after continuously",
            (c, ctx, rule) => EachOc2(c, ctx, rule, (r, cla) => cla && Dt(r, "DOB") is { } dob && ctx.YearEnd > dob.AddYears(10) && r["CONVICTED"] is null
                ? ("CONVICTED", "CONVICTED is blank for a child aged 10 or over looked after continuously") : null)),
        Child("545", Since2023, "OC2", ["HEALTH_CHECK", "DOB"], "HEALTH_CHECK must be given for a child under 5 at 31 March looked after continuously",
            (c, ctx, rule) => EachOc2(c, ctx, rule, (r, cla) => cla && Dt(r, "DOB") is { } dob && ctx.YearEnd < dob.AddYears(5) && r["HEALTH_CHECK"] is null
                ? ("HEALTH_CHECK", "HEALTH_CHECK is blank for a child under 5 looked after continuously") : null)),
        Child("546", Since2023, "OC2", ["HEALTH_CHECK", "DOB"], "HEALTH_CHECK is only for children under 5 at 31 March",
            (c, ctx, rule) => EachOc2(c, ctx, rule, (r, cla) => cla && Dt(r, "DOB") is { } dob && ctx.YearEnd >= dob.AddYears(5) && r["HEALTH_CHECK"] is not null
                ? ("HEALTH_CHECK", "HEALTH_CHECK is given for a child aged 5 or over at 31 March") : null)),
        Child("215", Since2023, "OC2", ["IN_TOUCH", "ACTIV", "ACCOM", .. Flags], "A child has care leaver information (OC3) or OC2 outcomes, not both",
            (c, ctx, rule) =>
            {
                if (!c.Has(T) || !c.Has(Tables.Oc3)) return;
                bool oc3 = c.Rows(Tables.Oc3).Any(r => Any(r, Oc3Rules.Fields));
                if (!oc3) return;
                foreach (var r in c.Rows(T))
                    if (FirstGiven(r, Flags) is { } f)
                    {
                        Flag(ctx, rule, r, f, "OC2 outcomes are given for a child who also has care leaver information in OC3");
                        foreach (var o in c.Rows(Tables.Oc3)) Flag(ctx, rule, o, "IN_TOUCH", "care leaver information is given for a child who also has OC2 outcomes");
                    }
            }),
    ];
}
