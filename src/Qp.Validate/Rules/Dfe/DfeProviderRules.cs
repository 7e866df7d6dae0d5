using static Qp.Validate.Rules.Dfe.D;

namespace Qp.Validate.Rules.Dfe;

/// <summary>
/// The DfE's rules that look an episode's Ofsted URN up in Ofsted's provider lists (and, for 229 and 406, the postcode directory).
/// They are silent while no list is loaded (<see cref="ProviderDirectory.None"/>), as the validator skips them without the lists;
/// a URN not in the lists is 1008's finding only, so the others stay silent on it rather than repeat it.
/// </summary>
public static class DfeProviderRules
{
    private static readonly TableSchema T = Tables.Episodes;

    /// <summary>The placeholder the DfE accepts for a provider without a URN.</summary>
    public const string NoUrn = "XXXXXXX";

    // The provider of a row's URN, or null when the URN is blank or the placeholder, no list is loaded, or the lists do not hold it.
    private static ProviderInfo? Provider(SourceRow r, RuleContext c) =>
        !c.Providers.IsEmpty && r["URN"] is { } u && u != NoUrn ? c.Providers.Find(u) : null;

    /// <summary>The placement types whose PL_POST must be the provider's postcode (221): H5 only in 2023-24, K3 from 2024-25.</summary>
    public static bool PostcodeChecked(string? place, int year) => place is "K1" or "K2" or "R3" or "S1"
        || (place == "H5" && year == 2024) || (place == "K3" && year >= 2025);

    private static string Postcode(string p) => p.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>Every DfE rule on Ofsted's provider lists, checked on each Episodes row.</summary>
    public static readonly IReadOnlyList<RowRule> All =
    [
        Row("1008", T, ["URN"], "URN, when given and not XXXXXXX, must be a provider in Ofsted's lists",
            (r, c) => !c.Providers.IsEmpty && r["URN"] is { } u && u != NoUrn && c.Providers.Find(u) is null
                ? ("URN", "URN is not in Ofsted's provider lists") : null),
        Row("219", T, ["URN", "PLACE"], "PLACE must be a placement type Ofsted's lists give for the provider of the URN",
            (r, c) => Provider(r, c) is { Places.Count: > 0 } p && r["PLACE"] is { } pl && !p.Places.Contains(pl)
                ? ("PLACE", $"PLACE {pl} is not a placement type of this provider (Ofsted lists {string.Join("/", p.Places)})") : null),
        Row("221", T, ["PL_POST"], "For placements K1, K2, K3 (from 2024-25), H5 (2023-24 only), R3 and S1 other than short breaks, PL_POST must be the postcode Ofsted's lists give for the provider",
            (r, c) => !IsShortBreak(r["LS"]) && PostcodeChecked(r["PLACE"], c.Year) && r["PL_POST"] is { } post
                      && Provider(r, c) is { Postcode: { } pp } && Postcode(post) != pp
                ? ("PL_POST", "PL_POST is not the postcode of the provider with this URN") : null),
        Row("224", T, ["PLACE_PROVIDER"], "PLACE_PROVIDER must be a provider code Ofsted's lists give for the provider of the URN",
            (r, c) => Provider(r, c) is { Providers.Count: > 0 } p && r["PLACE_PROVIDER"] is { } pr && !p.Providers.Contains(pr)
                ? ("PLACE_PROVIDER", $"PLACE_PROVIDER {pr} does not match the provider of this URN (Ofsted lists {string.Join("/", p.Providers)})") : null),
        Row("227", T, ["URN", "DECOM"], "An episode cannot start on or after the day its provider closed",
            (r, c) => Provider(r, c) is { Closed: { } closed } && Codes.Date(r["DECOM"]) is { } start && start >= closed
                ? ("DECOM", $"the episode starts on or after the day the provider closed ({Codes.Show(closed)})") : null),
        Row("228", T, ["URN", "DEC"], "An episode cannot end after its provider closed; an open episode's provider must be open at the end of the year",
            (r, c) => Provider(r, c) is { Closed: { } closed } p
                      && (r["DEC"] is null ? c.YearEnd > closed : Codes.Date(r["DEC"]) is { } end && end > closed)
                ? ("DEC", r["DEC"] is null ? $"the episode is open at the end of the year but the provider closed on {Codes.Show(closed)}"
                    : $"the episode ends after the provider closed ({Codes.Show(closed)})") : null),
        Row("229", T, ["URN", "PLACE_PROVIDER"], "Own provision (PR1) must lie in the authority and another authority's provision (PR2) outside it, going by the provider's postcode",
            (r, c) => c.AuthorityCode is { } la && r["PLACE_PROVIDER"] is "PR1" or "PR2" && Provider(r, c) is { } p && p.AuthorityOf(c.Postcodes) is { } at
                      && (r["PLACE_PROVIDER"] == "PR1") != (at == la)
                ? ("PLACE_PROVIDER", r["PLACE_PROVIDER"] == "PR1" ? "PLACE_PROVIDER is PR1 (own provision) but the provider lies in another authority"
                    : "PLACE_PROVIDER is PR2 (another authority) but the provider lies in this authority") : null),
    ];

    /// <summary>The DfE's per-child rules that need the postcode directory.</summary>
    public static readonly IReadOnlyList<ChildRule> Child =
    [
        // PL_DISTANCE is derived by the DfE from HOME_POST and PL_POST, so "distance should be blank" means the two postcodes
        // must not both be known. "Formerly UASC" is read from last year's UASC table when last year's return is known.
        D.Child("406", "Episodes", ["HOME_POST", "PL_POST"], "A child who is or was UASC has no placement distance: HOME_POST and PL_POST must not both be known postcodes",
            (c, ctx, rule) =>
            {
                if (ctx.Postcodes.IsEmpty || !D.IsOrWasUasc(c, ctx)) return;
                foreach (var e in c.Ordered)
                    if (e.HasDistance) ctx.Report(rule, e.Row, "the child is or was UASC, but HOME_POST and PL_POST give a placement distance");
            }),
    ];
}
