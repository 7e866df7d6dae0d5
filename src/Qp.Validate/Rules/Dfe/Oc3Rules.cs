using Qp.Domain;
using static Qp.Validate.Rules.Dfe.D;

namespace Qp.Validate.Rules.Dfe;

/// <summary>The DfE's rules on OC3 (care leavers' contact, activity and accommodation around their 17th–21st birthdays).</summary>
public static class Oc3Rules
{
    private static readonly TableSchema T = Tables.Oc3;

    /// <summary>The care leaver fields.</summary>
    public static readonly string[] Fields = ["IN_TOUCH", "ACTIV", "ACCOM"];

    /// <summary>Row rules.</summary>
    public static readonly IReadOnlyList<RowRule> Row =
    [
        InList("131", T, "IN_TOUCH", Codes.InTouch, blankFires: true),
        InList("132", T, "ACTIV", Codes.Activ, blankFires: true),
        InList("133", T, "ACCOM", Codes.Accom, blankFires: true),
        Row("153", Since2023, T, Fields, "IN_TOUCH, ACTIV and ACCOM are all given or all blank",
            (r, _) => Any(r, Fields) && FirstBlank(r, Fields) is { } f ? (f, $"{f} is blank although other care leaver fields are given") : null),
        Row("344", Since2023, T, Fields, "When the young person has died or returned home (IN_TOUCH DIED or RHOM), ACTIV and ACCOM must be 0",
            (r, _) => r["IN_TOUCH"] is "DIED" or "RHOM" && (r["ACTIV"] != "0" || r["ACCOM"] != "0")
                ? (r["ACTIV"] != "0" ? "ACTIV" : "ACCOM", $"IN_TOUCH is {r["IN_TOUCH"]}, so ACTIV and ACCOM must both be 0") : null),
        Row("345", Since2023, T, Fields, "When the authority is in touch (IN_TOUCH YES), ACTIV and ACCOM must not be 0",
            (r, _) => r["IN_TOUCH"] == "YES" && (r["ACTIV"] == "0" || r["ACCOM"] == "0")
                ? (r["ACTIV"] == "0" ? "ACTIV" : "ACCOM", "IN_TOUCH is YES, so ACTIV and ACCOM must be actual codes, not 0") : null),
        // The open validator compares ACCOM with "T", which no return holds; the foyer codes are T1 and T2.
        Row("347", YearsInForce.Since(2024), T, ["ACCOM", "DOB"], "A care leaver under 18 at the start of the year cannot be accommodated in a foyer (ACCOM T1/T2)",
            (r, c) => r["ACCOM"] is "T1" or "T2" && Dt(r, "DOB") is { } dob && CollectionYear.AgeOn(dob, c.YearStart) < 18
                ? ("ACCOM", $"ACCOM is {r["ACCOM"]} (foyer) but the young person was under 18 at 1 April") : null),
        Row("391", Since2023, T, ["DOB", .. Fields], "Care leaver information is only for young people aged 17 or over at 31 March",
            (r, c) => Dt(r, "DOB") is { } dob && dob.AddYears(17) > c.YearEnd && FirstGiven(r, Fields) is { } f ? (f, $"{f} is given but the young person is under 17 at 31 March") : null),
    ];

    private static bool HasInfo(SourceRow r) => Any(r, Fields);

    private static void FlagOc3(ChildFacts c, RuleContext ctx, Rule rule, string message, bool onlyWithInfo = true)
    {
        foreach (var r in c.Rows(T))
            if (!onlyWithInfo || HasInfo(r)) Flag(ctx, rule, r, FirstGiven(r, Fields) ?? "IN_TOUCH", message);
    }

    // SEX is 1/2 up to 2023-24 and M/F from 2024-25 (the open validator still reads 1/2 in 165).
    private static bool Female(string? sex) => sex is "2" or "F";
    private static bool Male(string? sex) => sex is "1" or "M";

    /// <summary>Per-child rules.</summary>
    public static readonly IReadOnlyList<ChildRule> Child =
    [
        Child("1000", Since2023, "OC3", Fields, "No care leaver information for a child who died while looked after (an episode ending E2)",
            (c, ctx, rule) =>
            {
                if (c.Has(T) && c.Episodes.Any(e => e.Rec == "E2")) FlagOc3(c, ctx, rule, "the child died while looked after (REC E2), so there is no care leaver information", onlyWithInfo: false);
            }),
        Child("1007", Since2023, "OC3", Fields, "No care leaver information for a 17- or 18-year-old who was still looked after on their latest birthday",
            (c, ctx, rule) =>
            {
                if (!c.Has(T)) return;
                foreach (var r in c.Rows(T))
                {
                    if (!HasInfo(r) || Dt(r, "DOB") is not { } dob || dob.AddYears(17) > ctx.YearEnd || dob.AddYears(19) <= ctx.YearEnd) continue;
                    var bday = dob.AddYears(ctx.YearEnd.Year - dob.Year);
                    if (bday > ctx.YearEnd) bday = bday.AddYears(-1);
                    if (c.Episodes.Any(e => e.Decom <= bday && e.Dec is { } dec && dec > bday))
                        Flag(ctx, rule, r, FirstGiven(r, Fields)!, "care leaver information is given but the young person was still looked after on their latest birthday");
                }
            }),
        Child("1011", Since2023, "OC3", Fields, "No care leaver information for a young person whose latest episode ended E3 (residence order)",
            (c, ctx, rule) =>
            {
                if (c.Has(T) && Latest(c) is { Rec: "E3" }) FlagOc3(c, ctx, rule, "the latest episode ended E3, so there is no care leaver information");
            }),
        Child("1014", Since2023, "OC3", ["ACTIV", "ACCOM", "IN_TOUCH", "DUC"], "No care leaver information (nor UASC row) for a former UASC child not looked after in the year",
            (c, ctx, rule) =>
            {
                if (!c.Has(T) || !c.Has(Tables.Uasc) || c.Episodes.Count == 0 || c.Episodes.Any(e => InYear(e, ctx))) return;
                if (!c.Rows(T).Any(HasInfo)) return;
                foreach (var u in c.Rows(Tables.Uasc)) Flag(ctx, rule, u, "DUC", "a UASC row for a child with care leaver information but no episode in the year");
                FlagOc3(c, ctx, rule, "care leaver information for a former UASC child with no episode in the year");
            }),
        Child("1016", YearsInForce.Since(2024), "OC3", Fields, "No care leaver information for a 17- or 18-year-old who left care on or after that birthday",
            (c, ctx, rule) =>
            {
                if (!c.Has(T)) return;
                foreach (var r in c.Rows(T))
                {
                    if (!HasInfo(r) || Dt(r, "DOB") is not { } dob) continue;
                    int age = CollectionYear.AgeOn(dob, ctx.YearEnd);
                    if (age is not (17 or 18)) continue;
                    var birthday = dob.AddYears(age);
                    if (c.Episodes.Any(e => e.Dec is { } dec && dec >= birthday))
                        Flag(ctx, rule, r, FirstGiven(r, Fields)!, $"care leaver information is given but the young person left care on or after their {age}th birthday");
                }
            }),
        Child("165", Since2023, "OC3", ["MOTHER", "SEX"], "MOTHER is 0 or 1, given only for girls, and required for a girl looked after in the year",
            (c, ctx, rule) =>
            {
                if (c.HeaderRows.Count == 0) return;
                bool any = false, inYear = false;
                for (int i = 0; i < c.Episodes.Count; i++)
                {
                    var e = c.Episodes[i];
                    if (e.Ls is "V3" or "V4") continue;
                    any = true;
                    inYear |= e.Decom <= ctx.YearEnd && (e.Dec ?? ctx.YearEnd) >= ctx.YearStart;
                }
                if (!any) return;
                var m = c.Mother;
                bool oc3 = c.Has(T) && c.Rows(T).Any(HasInfo);
                string? why = m is not null && m is not ("0" or "1") ? "MOTHER is not 0 or 1"
                    : m is not null && Male(c.Sex) ? "MOTHER is given for a boy"
                    : m is null && Female(c.Sex) && inYear ? "MOTHER is blank for a girl looked after in the year"
                    : m is not null && Female(c.Sex) && !inYear && oc3 ? "MOTHER is given for a care leaver not looked after in the year"
                    : null;
                if (why is null) return;
                ctx.Report(rule, c.HeaderRows[0], why);
                FlagOc3(c, ctx, rule, why, onlyWithInfo: false);
            }),
        Child("187", Since2023, "OC3", ["IN_TOUCH", "ACTIV", "ACCOM", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
            "No care leaver (OC3) or adoption (AD1) information for a child looked after continuously through the year",
            (c, ctx, rule) =>
            {
                if (!(c.Has(T) || c.Has(Tables.Ad1)) || !ContinuouslyLookedAfter(c, ctx)) return;
                FlagOc3(c, ctx, rule, "care leaver information is given for a child looked after continuously through the year");
                foreach (var r in c.Rows(Tables.Ad1))
                    if (FirstGiven(r, Ad1Rules.Fields) is { } f) Flag(ctx, rule, r, f, "adoption information is given for a child looked after continuously through the year");
            }),
        Child("134", Since2023, "AD1", ["IN_TOUCH", "ACTIV", "ACCOM", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
            "A child has adoption information (AD1) or care leaver information (OC3), not both",
            (c, ctx, rule) =>
            {
                if (!c.Has(Tables.Ad1) || !c.Rows(T).Any(HasInfo)) return;
                foreach (var r in c.Rows(Tables.Ad1))
                    if (FirstGiven(r, Ad1Rules.Fields) is { } f) Flag(ctx, rule, r, f, "adoption information is given for a child who also has care leaver information");
            }),
        Child("3001", Since2023, "OC3", ["ACCOM", "DOB"], "A care leaver who turned 17 in the year is not recorded as living with former foster carers (ACCOM Z1/Z2)",
            (c, ctx, rule) =>
            {
                if (!c.Has(T) || c.Dob is not { } dob || c.HeaderRows.Count == 0) return;
                var d17 = dob.AddYears(17);
                if (d17 < ctx.YearStart || d17 > ctx.YearEnd) return;
                foreach (var r in c.Rows(T))
                    if (r["ACCOM"] is "Z1" or "Z2") Flag(ctx, rule, r, "ACCOM", $"ACCOM is {r["ACCOM"]} (with former foster carers) for a young person who turned 17 in the year");
            }),
        Child("628", Since2023, "OC3", ["MOTHER"], "MOTHER is blank for a care leaver with no episodes in the return",
            (c, ctx, rule) =>
            {
                if (c.HeaderRows.Count > 0 && c.Episodes.Count == 0 && !c.HasInvalidEpisodes && c.Mother is not null && c.Rows(T).Any(HasInfo))
                    ctx.Report(rule, c.HeaderRows[0], "MOTHER is given for a care leaver who has no episodes in the return");
            }),
    ];
}
