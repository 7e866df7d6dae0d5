using static Qp.Validate.Rules.Dfe.D;

namespace Qp.Validate.Rules.Dfe;

/// <summary>
/// The DfE's placement-location rules, which rest on the ONS postcode directory (placement LA, in or out of area, distance).
/// They are silent when no directory is loaded (<see cref="PostcodeDirectory.None"/>) rather than flag every episode.
/// </summary>
public static class DfeLocationRules
{
    private static readonly TableSchema T = Tables.Episodes;

    private static bool Known(RuleContext c) => !c.Postcodes.IsEmpty;

    /// <summary>Every DfE placement-location rule.</summary>
    public static readonly IReadOnlyList<RowRule> All =
    [
        Row("164", T, ["HOME_POST", "PL_POST"], "The distance between home and placement postcodes must be between 0 and 999.9 miles",
            (r, c) => Known(c) && c.Postcodes.Distance(r["HOME_POST"], r["PL_POST"]) is { } d && d is < 0 or > 999.9
                ? ("PL_POST", $"the placement is {d} miles from home (more than 999.9)") : null),
        Row("169", T, ["PL_POST"], "The placement's local authority must be known from PL_POST unless the child is on a short break (LS V3 or V4)",
            (r, c) => Known(c) && !IsShortBreak(r["LS"]) && (r["PL_POST"] is not { } p || c.Postcodes.Find(p) is null)
                ? ("PL_POST", "the placement's local authority cannot be found from PL_POST") : null),
        Row("179", T, ["PL_POST"], "Whether the placement is inside or outside the authority must be known from PL_POST unless on a short break",
            (r, c) => Known(c) && !IsShortBreak(r["LS"]) && (r["PL_POST"] is not { } p || c.Postcodes.Find(p) is null)
                ? ("PL_POST", "PL_POST does not tell whether the placement is inside or outside the authority") : null),
        Row("392c", T, ["HOME_POST", "PL_POST"], "HOME_POST and PL_POST, when given, must be postcodes in the directory",
            (r, c) => !Known(c) ? null
                : r["HOME_POST"] is { } h && c.Postcodes.Find(h) is null ? ("HOME_POST", "HOME_POST is not a known postcode")
                : r["PL_POST"] is { } p && c.Postcodes.Find(p) is null ? ("PL_POST", "PL_POST is not a known postcode") : null),
        Row("420", T, ["PL_POST", "LS"], "A short break (LS V3 or V4) must have no placement local authority",
            (r, c) => Known(c) && IsShortBreak(r["LS"]) && r["PL_POST"] is { } p && c.Postcodes.Find(p) is not null
                ? ("PL_POST", $"the placement's local authority is given for a short break (LS {r["LS"]})") : null),
        Row("454", T, ["HOME_POST", "PL_POST"], "A placement should not be more than 350 miles from home",
            (r, c) => Known(c) && c.Postcodes.Distance(r["HOME_POST"], r["PL_POST"]) is { } d && d > 350 && d != 999.9
                ? ("PL_POST", $"the placement is {d} miles from home (more than 350)") : null, YearsInForce.Since(2026)),
        Row("1015", T, ["PLACE_PROVIDER", "PL_POST"], "Own provision (PR1) other than foster or adoption placements must be inside the authority",
            (r, c) => Known(c) && c.AuthorityCode is { } la && r["PLACE_PROVIDER"] == "PR1" && !IsShortBreak(r["LS"]) && r["LS"] is not null
                      && r["PLACE"] is { } pl && pl is not ("A3" or "A4" or "A5" or "A6" or "U1" or "U2" or "U3" or "U4" or "U5" or "U6")
                      && (r["PL_POST"] is not { } p || c.Postcodes.Find(p)?.Authority != la)
                ? ("PL_POST", "own provision (PR1) placed outside the authority") : null),
    ];

    /// <summary>The placement-location rules that need the whole child: 392a exempts a child who is or was UASC (no distance is derived for them).</summary>
    public static readonly IReadOnlyList<ChildRule> Child =
    [
        D.Child("392a", Since2023, "Episodes", ["HOME_POST", "PL_POST"],
            "The placement distance must be computable from HOME_POST and PL_POST unless the child is on a short break or is or was UASC",
            (c, ctx, rule) =>
            {
                if (!Known(ctx) || IsOrWasUasc(c, ctx)) return;
                foreach (var e in c.Ordered)
                    if (!IsShortBreak(e.Ls) && !e.HasDistance) ctx.Report(rule, e.PlPostAt, "no placement distance: a postcode is blank or unknown");
            }),
    ];
}
