using static Qp.Validate.Rules.R;

namespace Qp.Validate.Rules;

/// <summary>Episodes rules checked on each row (2xx); the rules over a child's sequence of episodes are in <see cref="EpisodeSequenceRules"/>.</summary>
public static class EpisodeRules
{
    private static readonly TableSchema T = Tables.Episodes;

    private static readonly System.Text.RegularExpressions.Regex Postcode =
        new("^[A-Z]{1,2}[0-9][0-9A-Z]?( ?[0-9]([A-Z]{2})?)?$", System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>Every Episodes row rule.</summary>
    public static readonly IReadOnlyList<RowRule> All =
    [
        Required("E201", T, "CHILD"),
        Required("E202", T, "DECOM"),
        Required("E203", T, "RNE"),
        Date("E204", T, "DECOM"),
        NotLate("E205", T, "DECOM"),
        InList("E206", T, "RNE", Codes.Rne),
        Required("E207", T, "LS"),
        InList("E208", T, "LS", Codes.Ls),
        InList("E209", T, "CIN", Codes.Cin),
        Required("E210", T, "PLACE"),
        InList("E211", T, "PLACE", Codes.Place),
        InList("W212", T, "PLACE_PROVIDER", Codes.PlaceProvider, severity: W),
        Date("E213", T, "DEC"),
        Check("E214", E, T, ["DEC", "DECOM"], "DEC must not be before DECOM",
            (r, _) => Codes.Date(r["DEC"]) is { } dec && Codes.Date(r["DECOM"]) is { } decom && dec < decom
                ? ("DEC", $"DEC {Codes.Show(dec)} is before DECOM {Codes.Show(decom)}") : null),
        NotLate("E215", T, "DEC"),
        InList("E216", T, "REC", Codes.Rec),
        Check("E217", E, T, ["DEC", "REC"], "DEC and REC must both be given or both be blank",
            (r, _) => (r["DEC"] is null, r["REC"] is null) switch
            {
                (false, true) => ("REC", "DEC is given but REC is blank"),
                (true, false) => ("DEC", "REC is given but DEC is blank"),
                _ => null,
            }),
        Check("E228", E, T, ["REC", "PLACE"], "A child adopted (REC E11 or E12) must have been placed for adoption (PLACE A3–A6) in that episode",
            (r, _) => r["REC"] is "E11" or "E12" && r["PLACE"] is { } pl && pl is not ("A3" or "A4" or "A5" or "A6")
                ? ("REC", $"REC {r["REC"]} (adopted) but PLACE is {pl}, not a placement for adoption (A3–A6)") : null),
        Check("E229", E, T, ["PLACE", "RNE"], "A child placed for adoption with their current foster carer (PLACE A3 or A5) keeps the same carer: RNE must be S, T or U",
            (r, _) => r["PLACE"] is "A3" or "A5" && r["RNE"] is { } rne && rne is not ("S" or "T" or "U") && Codes.Rne.Contains(rne, 0)
                ? ("RNE", $"PLACE {r["PLACE"]} (placed with current foster carer) but RNE is {rne}, not S, T or U") : null),
        Check("W230", W, T, ["HOME_POST", "PL_POST"], "HOME_POST and PL_POST should be a postcode or its outward part (e.g. TS24 or TS24 8)",
            (r, _) => new[] { "HOME_POST", "PL_POST" }.FirstOrDefault(f => r[f] is { } p && !Postcode.IsMatch(p)) is string bad
                ? (bad, $"{bad} is not in postcode format") : null),
    ];

}
