using static Qp.Validate.Rules.R;

namespace Qp.Validate.Rules;

/// <summary>Episodes rules checked on each row (2xx); the rules over a child's sequence of episodes are in <see cref="EpisodeSequenceRules"/>.</summary>
public static class EpisodeRules
{
    private static readonly TableSchema T = Tables.Episodes;

    /// <summary>1 April 2015: placements with a foster carer approved as adopter (A3, A5) from then on are checked by E229.</summary>
    private static readonly DateOnly AdoptionReform = new(2015, 4, 1);

    private static readonly System.Text.RegularExpressions.Regex Postcode =
        new("^[A-Z]{1,2}[0-9][0-9A-Z]?( ?[0-9]([A-Z]{2})?)?$", System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>Every Episodes row rule.</summary>
    public static readonly IReadOnlyList<RowRule> All =
    [
        Required("E201", T, "CHILD"),
        Required("E202", T, "DECOM"),
        Required("E203", T, "RNE"),
        Date("E204", T, "DECOM") with { DfeCode = "141" },
        NotLate("E205", T, "DECOM") with { DfeCode = "354" },
        InList("E206", T, "RNE", Codes.Rne) with { DfeCode = "143" },
        Required("E207", T, "LS"),
        InList("E208", T, "LS", Codes.Ls) with { DfeCode = "144" },
        InList("E209", T, "CIN", Codes.Cin) with { DfeCode = "145" },
        Required("E210", T, "PLACE"),
        InList("E211", T, "PLACE", Codes.Place) with { DfeCode = "146" },
        InList("W212", T, "PLACE_PROVIDER", Codes.PlaceProvider, severity: W) with { Years = YearsInForce.Until(2022) }, // the DfE's 178 (an error) from 2022-23
        Date("E213", T, "DEC") with { DfeCode = "147" },
        Check("E214", E, T, ["DEC", "DECOM"], "DEC must not be before DECOM",
            (r, _) => Codes.Date(r["DEC"]) is { } dec && Codes.Date(r["DECOM"]) is { } decom && dec < decom
                ? ("DEC", $"DEC {Codes.Show(dec)} is before DECOM {Codes.Show(decom)}") : null) with { DfeCode = "356" },
        NotLate("E215", T, "DEC") with { DfeCode = "385" },
        InList("E216", T, "REC", Codes.Rec) with { DfeCode = "149" },
        Check("E217", E, T, ["DEC", "REC"], "DEC and REC must both be given or both be blank",
            (r, _) => (r["DEC"] is null, r["REC"] is null) switch
            {
                (false, true) => ("REC", "DEC is given but REC is blank"),
                (true, false) => ("DEC", "REC is given but DEC is blank"),
                _ => null,
            }) with { DfeCode = "148" },
        Check("E228", E, T, ["REC", "PLACE"], "A child adopted (REC E11 or E12) must have been placed for adoption (PLACE A3–A6) in that episode",
            (r, _) => r["REC"] is "E11" or "E12" && r["PLACE"] is { } pl && pl is not ("A3" or "A4" or "A5" or "A6")
                ? ("REC", $"REC {r["REC"]} (adopted) but PLACE is {pl}, not a placement for adoption (A3–A6)") : null) with { DfeCode = "390" },
        // The rule came with the 2015 adoption reforms: earlier episodes (QP-era returns included) are not checked, as the DfE does not.
        Check("E229", E, T, ["PLACE", "RNE", "DECOM"], "A child placed for adoption with their current foster carer (PLACE A3 or A5) from 1 April 2015 keeps the same carer: RNE must be S, T or U",
            // As the DfE's check, a blank or invalid RNE fails too (E203/E206 say why it is blank or invalid).
            (r, _) => r["PLACE"] is "A3" or "A5" && r["RNE"] is not ("S" or "T" or "U") && Codes.Date(r["DECOM"]) >= AdoptionReform
                ? ("RNE", $"PLACE {r["PLACE"]} (placed with current foster carer) but RNE is {r["RNE"] ?? "blank"}, not S, T or U") : null) with { DfeCode = "217" },
        Check("W230", W, T, ["HOME_POST", "PL_POST"], "HOME_POST and PL_POST should be a postcode or its outward part (e.g. TS24 or TS24 8)",
            (r, _) => new[] { "HOME_POST", "PL_POST" }.FirstOrDefault(f => r[f] is { } p && !Postcode.IsMatch(p)) is string bad
                ? (bad, $"{bad} is not in postcode format") : null),
    ];

}
