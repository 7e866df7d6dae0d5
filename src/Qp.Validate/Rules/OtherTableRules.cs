using static Qp.Validate.Rules.R;

namespace Qp.Validate.Rules;

/// <summary>OC1 (3xx), OC2 (4xx) and CPR (5xx) row rules.</summary>
public static class OtherTableRules
{
    private static readonly TableSchema O1 = Tables.Oc1, O2 = Tables.Oc2, C = Tables.Cpr;

    private static readonly string[] Oc2Flags =
        ["CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"];

    /// <summary>OC1 row rules.</summary>
    public static readonly IReadOnlyList<RowRule> Oc1 =
    [
        Required("E301", O1, "CHILD"),
        InList("E302", O1, "QUAL_GCSE_GNVQ", Codes.Flag, blankFires: true),
        Flags("E303", O1, "QUAL_5AC"),
        Check("E304", E, O1, ["QUAL_5AC", "QUAL_GCSE_GNVQ"], "QUAL_5AC may be 1 only when QUAL_GCSE_GNVQ is 1 (five A*–C GCSEs are at least one GCSE)",
            (r, _) => r["QUAL_5AC"] == "1" && r["QUAL_GCSE_GNVQ"] == "0" ? ("QUAL_5AC", "QUAL_5AC is 1 but QUAL_GCSE_GNVQ is 0") : null),
        Date("E306", O1, "DOB"),
    ];

    // The DfE's OC2 rules (180, 197a, 196, 181, 193) replace these from 2022-23.
    private static readonly YearsInForce BeforeDfe = YearsInForce.Until(Dfe.DfeTables.FirstYear - 1);

    /// <summary>OC2 row rules.</summary>
    public static readonly IReadOnlyList<RowRule> Oc2 = new[]
    {
        Required("E401", O2, "CHILD"),
        Check("E402", E, O2, ["SDQ_SCORE"], "SDQ_SCORE must be a whole number from 0 to 40 (or blank)",
            (r, _) => r["SDQ_SCORE"] is { } s && !(int.TryParse(s, out int n) && n is >= 0 and <= 40) ? ("SDQ_SCORE", $"SDQ_SCORE '{s}' is not a whole number from 0 to 40") : null),
        Check("E403", E, O2, ["SDQ_SCORE", "SDQ_REASON"], "SDQ_REASON (why there is no score) must be blank when SDQ_SCORE is given",
            (r, _) => r["SDQ_SCORE"] is not null && r["SDQ_REASON"] is not null ? ("SDQ_REASON", "SDQ_REASON is given although there is an SDQ_SCORE") : null),
        InList("E404", O2, "SDQ_REASON", Codes.SdqReason),
        Flags("E405", O2, Oc2Flags),
        Check("E406", E, O2, ["SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
            "INTERVENTION_RECEIVED or INTERVENTION_OFFERED may be 1 only when SUBSTANCE_MISUSE is 1",
            (r, _) => (r["INTERVENTION_RECEIVED"] == "1" || r["INTERVENTION_OFFERED"] == "1") && r["SUBSTANCE_MISUSE"] != "1"
                ? ("SUBSTANCE_MISUSE", "an intervention for substance misuse is recorded but SUBSTANCE_MISUSE is not 1") : null),
        Date("E408", O2, "DOB"),
    }.Select(r => r.Code is "E402" or "E403" or "E404" or "E405" or "E406" ? r with { Years = BeforeDfe } : r).ToArray();

    /// <summary>CPR row rules.</summary>
    public static readonly IReadOnlyList<RowRule> Cpr =
    [
        Required("E501", C, "CHILD"),
        Required("E502", C, "REG_DATE"),
        Date("E503", C, "REG_DATE"),
        Check("E504", E, C, ["REG_DATE"], "REG_DATE must be within the collection year (CPR holds the year's registrations)",
            (r, c) => Codes.Date(r["REG_DATE"]) is { } d && (d < c.YearStart || d > c.YearEnd)
                ? ("REG_DATE", $"REG_DATE {Codes.Show(d)} is outside the collection year {Codes.Show(c.YearStart)}–{Codes.Show(c.YearEnd)}") : null),
        Date("E505", C, "DEREG_DATE"),
        Check("E506", E, C, ["DEREG_DATE", "REG_DATE"], "DEREG_DATE must not be before REG_DATE",
            (r, _) => Codes.Date(r["DEREG_DATE"]) is { } de && Codes.Date(r["REG_DATE"]) is { } re && de < re
                ? ("DEREG_DATE", $"DEREG_DATE {Codes.Show(de)} is before REG_DATE {Codes.Show(re)}") : null),
        NotLate("E507", C, "DEREG_DATE"),
        InList("E508", C, "CATEGORY", Codes.Category, blankFires: true),
        Flags("E509", C, "PREV_REG"),
        Date("E510", C, "DOB"),
    ];
}
