using static Qp.Validate.Rules.Dfe.D;

namespace Qp.Validate.Rules.Dfe;

/// <summary>The DfE's Episodes rules checked on each row on its own (codes as the DfE numbers them).</summary>
public static class DfeEpisodeRules
{
    private static readonly TableSchema T = Tables.Episodes;

    private static readonly DateOnly FreeingOrdersEnd = new(2005, 12, 31), PlacementOrdersStart = new(2005, 12, 1),
        EarliestDecom = new(1991, 10, 14), P2Ends = new(2023, 10, 28), H5NeedsUrn = new(2023, 10, 29);

    private static readonly string[] Ceased = ["E45", "E46"];

    private static bool EndsOnOrAfter(SourceRow r, DateOnly d) => r["DEC"] is null || Codes.Date(r["DEC"]) >= d;

    private static bool OpenOrEndsAfter(SourceRow r, DateOnly d) => r["DEC"] is null || Codes.Date(r["DEC"]) > d;

    private static (string, string)? ProviderWith(SourceRow r, string provider, string why, params string[] places) =>
        r["PLACE_PROVIDER"] == provider && r["PLACE"] is { } p && Array.IndexOf(places, p) >= 0
            ? ("PLACE_PROVIDER", $"PLACE_PROVIDER {provider} cannot provide a PLACE {p} placement ({why})") : null;

    /// <summary>Every DfE Episodes row rule.</summary>
    public static readonly IReadOnlyList<RowRule> All =
    [
        Row("178", T, ["PLACE_PROVIDER", "PLACE"], "PLACE_PROVIDER, when given, must be PR0–PR5 and must be blank for placements without a provider (T0–T3; T4 and Z1 up to 2024-25; Z11–Z14 from 2025-26)",
            (r, c) => r["PLACE_PROVIDER"] is not { } pp ? null
                : !Codes.PlaceProvider.Contains(pp, c.Year) ? ("PLACE_PROVIDER", $"PLACE_PROVIDER '{pp}' is not a valid code")
                : r["PLACE"] is { } p && Codes.NoProviderPlace.Contains(p, c.Year) ? ("PLACE_PROVIDER", $"PLACE_PROVIDER is given but PLACE {p} has no provider") : null),
        Row("213", T, ["PLACE_PROVIDER"], "PLACE_PROVIDER must be blank for temporary placements (T0–T4; also Z11–Z14 from 2025-26)",
            (r, c) => r["PLACE_PROVIDER"] is not null && r["PLACE"] is { } p && Codes.TemporaryPlace.Contains(p, c.Year)
                ? ("PLACE_PROVIDER", $"PLACE_PROVIDER is given for temporary placement {p}") : null),
        Row("214", T, ["PL_POST", "URN"], "PL_POST and URN must be blank for short breaks (LS V3 or V4)",
            (r, _) => IsShortBreak(r["LS"]) && (r["PL_POST"] is not null || r["URN"] is not null)
                ? (r["PL_POST"] is not null ? "PL_POST" : "URN", $"placement location given for a short break (LS {r["LS"]})") : null),
        Row("217t", T, ["PLACE", "DEC"], "Placement type P2 ended on 28 October 2023: a P2 episode must have ended by then",
            (r, _) => r["PLACE"] == "P2" && OpenOrEndsAfter(r, P2Ends) ? ("PLACE", "PLACE P2 is no longer valid after 28/10/2023") : null,
            YearsInForce.Between(2024, 2024)),
        // A short break is left out: 214 forbids its URN, so asking for one would make every short break an error.
        Row("218", T, ["URN", "PLACE", "DEC"], "URN must be given for an English placement open on or after the start of the year, unless the placement type has no URN or it is a short break (LS V3 or V4)",
            (r, c) => r["URN"] is null && EndsOnOrAfter(r, c.YearStart) && !Exempt(r["PLACE"], c.Year) && !IsShortBreak(r["LS"]) && !c.Postcodes.OutsideEngland(r["PL_POST"])
                ? ("URN", $"URN is blank but PLACE {r["PLACE"]} needs an Ofsted URN") : null),
        Row("222", T, ["URN", "PLACE"], "URN must be blank (or XXXXXXX) for placement types without an Ofsted URN",
            (r, c) => r["URN"] is { } u && u != "XXXXXXX" && r["PLACE"] is { } p && Codes.NoUrnPlace.Contains(p, c.Year)
                ? ("URN", $"URN is given but PLACE {p} has no Ofsted URN") : null),
        Row("230", T, ["PLACE", "DEC", "URN"], "From 28 October 2023 an English H5 placement needs an Ofsted URN",
            (r, c) => r["PLACE"] == "H5" && EndsOnOrAfter(r, H5NeedsUrn) && r["URN"] is null or "XXXXXXX" && !c.Postcodes.OutsideEngland(r["PL_POST"])
                ? ("URN", "PLACE H5 open after 28/10/2023 but URN is blank or XXXXXXX") : null,
            YearsInForce.Between(2024, 2024)),
        Row("233", T, ["REASON_PLACE_CHANGE", "DEC"], "REASON_PLACE_CHANGE must be blank while the episode is open (DEC blank)",
            (r, _) => r["DEC"] is null && r["REASON_PLACE_CHANGE"] is not null ? ("REASON_PLACE_CHANGE", "REASON_PLACE_CHANGE is given but the episode has not ended") : null,
            YearsInForce.Since(2026)),
        Row("353", T, ["DECOM"], "No episode may start before 14 October 1991",
            (r, _) => Codes.Date(r["DECOM"]) is { } d && d < EarliestDecom ? ("DECOM", $"DECOM {Codes.Show(d)} is before 14/10/1991") : null),
        Row("355", T, ["DECOM", "DEC"], "An episode should last at least a day: DEC must differ from DECOM",
            (r, _) => r["DEC"] is { } dec && dec == r["DECOM"] ? ("DEC", "DEC is the same day as DECOM") : null),
        Row("365", T, ["LS", "DECOM", "DEC"], "A short-term respite episode (LS V3) must not last more than 17 days (to the end of the year when open)",
            (r, c) => r["LS"] == "V3" && Codes.Date(r["DECOM"]) is { } s && (r["DEC"] is null ? c.YearEnd : Codes.Date(r["DEC"])) is { } e && e > s.AddDays(17)
                ? ("DEC", $"short break lasts {e.DayNumber - s.DayNumber} days (more than 17)") : null),
        Row("366", T, ["LS", "RNE"], "A short-term respite episode (LS V3) must start a period of care (RNE S): no placement change during a break",
            (r, _) => r["LS"] == "V3" && r["RNE"] != "S" ? ("RNE", $"LS is V3 but RNE is {r["RNE"] ?? "blank"}, not S") : null),
        Row("375", T, ["PLACE", "DECOM", "DEC"], "A temporary hospital placement (T1) must not last more than 42 days",
            (r, _) => Longer(r, "T1", 42)),
        Row("376", T, ["PLACE", "DECOM", "DEC"], "A temporary placement for the foster carer's holiday (T3) must not last more than 21 days",
            (r, _) => Longer(r, "T3", 21)),
        Row("378", T, ["PLACE", "LS"], "A child placed with parents (P1) cannot be accommodated under section 20 (LS V2)",
            (r, _) => r["PLACE"] == "P1" && r["LS"] == "V2" ? ("LS", "PLACE P1 (with parents) under LS V2") : null),
        Row("379", T, ["PLACE", "DECOM", "DEC"], "A temporary placement for an unspecified reason (T4) must not last more than 7 days",
            (r, _) => Longer(r, "T4", 7)),
        Row("380", T, ["PLACE", "RNE"], "A temporary placement (T0–T4) cannot start a period of care: RNE must be P or B",
            (r, _) => IsTemp(r["PLACE"]) && r["RNE"] is not ("P" or "B") ? ("RNE", $"temporary placement {r["PLACE"]} with RNE {r["RNE"] ?? "blank"}, not P or B") : null),
        Row("381", T, ["PLACE", "REC"], "A period of care cannot end in a temporary placement (T0–T4): REC must be X1 or blank",
            (r, _) => IsTemp(r["PLACE"]) && r["REC"] is { } rec && rec != "X1" ? ("REC", $"temporary placement {r["PLACE"]} ends the period of care (REC {rec})") : null),
        Row("382", T, ["LS", "PLACE"], "A short break (LS V3 or V4) cannot be a temporary placement (T0–T4)",
            (r, _) => IsShortBreak(r["LS"]) && IsTemp(r["PLACE"]) ? ("PLACE", $"LS {r["LS"]} with temporary placement {r["PLACE"]}") : null),
        Row("384", T, ["LS", "PLACE"], "A short break (LS V3 or V4) cannot be a long-term foster placement (U1 or U4)",
            (r, _) => IsShortBreak(r["LS"]) && r["PLACE"] is "U1" or "U4" ? ("PLACE", $"LS {r["LS"]} with long-term foster placement {r["PLACE"]}") : null),
        Row("392d", T, ["HOME_POST", "PL_POST", "PLACE"], "HOME_POST and PL_POST must differ unless the child is placed with parents (P1)",
            (r, _) => r["PLACE"] != "P1" && r["HOME_POST"] is { } h && string.Equals(h, r["PL_POST"], StringComparison.OrdinalIgnoreCase)
                ? ("PL_POST", $"HOME_POST and PL_POST are the same but PLACE is {r["PLACE"] ?? "blank"}, not P1") : null),
        Row("398", T, ["LS", "HOME_POST", "PL_POST"], "HOME_POST and PL_POST must be blank for short breaks (LS V3 or V4)",
            (r, _) => IsShortBreak(r["LS"]) && (r["HOME_POST"] is not null || r["PL_POST"] is not null)
                ? (r["HOME_POST"] is not null ? "HOME_POST" : "PL_POST", $"a postcode is given for a short break (LS {r["LS"]})") : null),
        Row("408", T, ["PLACE", "LS"], "A child placed for adoption under a placement order (A5 or A6) must have LS E1",
            (r, _) => r["PLACE"] is "A5" or "A6" && r["LS"] != "E1" ? ("LS", $"PLACE {r["PLACE"]} (placement order) but LS is {r["LS"] ?? "blank"}, not E1") : null),
        Row("445", T, ["LS", "DECOM"], "LS D1 (freed for adoption) is not valid for episodes starting after December 2005",
            (r, _) => r["LS"] == "D1" && Codes.Date(r["DECOM"]) is { } d && d > FreeingOrdersEnd ? ("LS", $"LS D1 for an episode starting {Codes.Show(d)}") : null,
            YearsInForce.Between(2023, 2024)),
        Row("446", T, ["LS", "DECOM"], "LS E1 (placement order) is not valid for episodes starting before 1 December 2005",
            (r, _) => r["LS"] == "E1" && Codes.Date(r["DECOM"]) is { } d && d < PlacementOrdersStart ? ("LS", $"LS E1 for an episode starting {Codes.Show(d)}") : null),
        Row("451", T, ["LS", "DEC", "REC"], "A child cannot still be freed for adoption (LS D1 in an open episode): freeing orders ended on 30 December 2005",
            (r, _) => r["LS"] == "D1" && r["DEC"] is null && r["REC"] is null ? ("LS", "open episode with LS D1 (freed for adoption)") : null,
            YearsInForce.Between(2023, 2024)),
        Row("516", T, ["REC", "PLACE"], "A child leaving care to a special guardian who was their foster carer (REC E45 or E46) must be in a foster placement (U1–U6)",
            (r, _) => r["REC"] is { } rec && Array.IndexOf(Ceased, rec) >= 0 && r["PLACE"] is not ("U1" or "U2" or "U3" or "U4" or "U5" or "U6")
                ? ("PLACE", $"REC {rec} but PLACE is {r["PLACE"] ?? "blank"}, not U1–U6") : null),
        Row("526", T, ["PLACE", "PLACE_PROVIDER"], "PLACE_PROVIDER must be given except for temporary placements (T0–T4; Z1 up to 2024-25; Z11–Z14 from 2025-26)",
            (r, c) => r["PLACE_PROVIDER"] is null && !(r["PLACE"] is { } p && (Codes.TemporaryPlace.Contains(p, c.Year) || (p == "Z1" && c.Year <= 2025)))
                ? ("PLACE_PROVIDER", $"PLACE_PROVIDER is blank for PLACE {r["PLACE"] ?? "blank"}") : null),
        Row("527", T, ["PLACE", "PLACE_PROVIDER"], "PR1 (own provision) cannot provide placements P1, R2 or R5",
            (r, _) => ProviderWith(r, "PR1", "own provision", "P1", "R2", "R5")),
        Row("528", T, ["PLACE", "PLACE_PROVIDER"], "PR2 (another local authority) cannot provide placements P1, R2 or R5",
            (r, _) => ProviderWith(r, "PR2", "another local authority", "P1", "R2", "R5")),
        Row("529", T, ["PLACE", "PLACE_PROVIDER"], "PR3 (other public provision) cannot provide placements P1, A3–A6, K1, K2 or U1–U6",
            (r, _) => ProviderWith(r, "PR3", "other public provision", "A3", "A4", "A5", "A6", "K1", "K2", "P1", "U1", "U2", "U3", "U4", "U5", "U6")),
        Row("530", T, ["PLACE", "PLACE_PROVIDER"], "PR4 (private provision) cannot provide placement P1",
            (r, _) => ProviderWith(r, "PR4", "private provision", "P1")),
        Row("531", T, ["PLACE", "PLACE_PROVIDER"], "PR5 (voluntary provision) cannot provide placement P1",
            (r, _) => ProviderWith(r, "PR5", "voluntary provision", "P1")),
        Row("550", T, ["PLACE", "PLACE_PROVIDER"], "PR0 (parents or person with parental responsibility) goes only with placement P1",
            (r, _) => r["PLACE_PROVIDER"] == "PR0" && r["PLACE"] != "P1" ? ("PLACE_PROVIDER", $"PLACE_PROVIDER PR0 but PLACE is {r["PLACE"] ?? "blank"}, not P1") : null),
        Row("1009", T, ["REASON_PLACE_CHANGE"], $"REASON_PLACE_CHANGE must be one of {Codes.ReasonPlaceChange.Describe()} (or blank)",
            (r, c) => r["REASON_PLACE_CHANGE"] is { } v && !Codes.ReasonPlaceChange.Contains(v, c.Year) ? ("REASON_PLACE_CHANGE", $"REASON_PLACE_CHANGE '{v}' is not a valid code") : null),
    ];

    /// <summary>Whether placement <paramref name="place"/> is exempt from needing a URN (rule 218): H5 was exempt up to 2023-24.</summary>
    private static bool Exempt(string? place, int year) => place is { } p && (Codes.NoUrnPlace.Contains(p, year) || (p == "H5" && year <= 2024));

    private static (string, string)? Longer(SourceRow r, string place, int days) =>
        r["PLACE"] == place && Codes.Date(r["DECOM"]) is { } s && Codes.Date(r["DEC"]) is { } e && e > s.AddDays(days)
            ? ("DEC", $"temporary placement {place} lasts {e.DayNumber - s.DayNumber} days (more than {days})") : null;
}
