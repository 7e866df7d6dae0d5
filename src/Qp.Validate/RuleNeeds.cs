using Qp.Domain;
using Qp.Validate.Rules;
using Qp.Validate.Rules.Dfe;

namespace Qp.Validate;

/// <summary>
/// Which rules need more than the return itself — the postcode directory, Ofsted's provider lists, last year's return — and so stay
/// silent without it; the validator names them in one line rather than let a silent rule pass for a clean one.
/// </summary>
public static class RuleNeeds
{
    // 406 (UASC placed far away) reads the distance; 503G/H/J, 452 and 453 compare derived placement locations with last year's.
    private static readonly HashSet<string> Postcode =
        [.. DfeLocationRules.All.Select(r => r.Code), .. DfeLocationRules.Child.Select(r => r.Code), "406", "503G", "503H", "503J", "452", "453"];

    private static readonly HashSet<string> Provider =
        [.. DfeProviderRules.All.Select(r => r.Code), .. DfeProviderRules.Child.Select(r => r.Code).Where(c => c != "406")];

    private static readonly HashSet<string> LastYear =
        [.. PreviousEpisodeRules.All.Select(r => r.Code), .. PreviousChildRules.Header.Select(r => r.Code), .. PreviousChildRules.PlacedAdoption.Select(r => r.Code),
         .. PreviousChildRules.Oc3Rows.Select(r => r.Code), .. PreviousChildRules.Child.Select(r => r.Code), .. PreviousYearRules.All.Select(r => r.Code)];

    /// <summary>
    /// One line naming the rules of collection year <paramref name="year"/> that could not run and why, or null when every rule ran.
    /// </summary>
    /// <param name="year">The collection year.</param>
    /// <param name="postcodes">Whether a postcode directory was loaded.</param>
    /// <param name="providers">Whether Ofsted's provider lists were loaded.</param>
    /// <param name="previous">Whether last year's return was known.</param>
    public static string? NotRun(int year, bool postcodes, bool providers, bool previous)
    {
        // Each rule is named by the code its findings carry in that year.
        bool dfe = year >= DfeTables.FirstYear;
        var inForce = RuleRegistry.InForce(year).All.ToDictionary(r => r.Code, r => dfe ? r.DfeCode ?? r.Code : r.Code, StringComparer.Ordinal);
        var parts = new List<string>();
        var named = new HashSet<string>(StringComparer.Ordinal);
        void Add(bool missing, HashSet<string> codes, string why)
        {
            if (!missing) return;
            // A rule needing two missing things is named once, under the first.
            var list = codes.Where(inForce.ContainsKey).Select(c => inForce[c]).Where(named.Add).Order(StringComparer.Ordinal).ToList();
            if (list.Count > 0) parts.Add($"{list.Count} rule(s) ({string.Join(", ", list)}) {why}");
        }
        Add(!previous, LastYear, $"need last year's return ({CollectionYear.Display(year - 1)}: import it, or give --previous)");
        Add(!postcodes, Postcode, "need the ONS postcode directory (qp import --db DB ONSPD.csv)");
        Add(!providers, Provider, "need Ofsted's provider lists (qp import --db DB CHILDRENS-HOMES.xlsx SOCIAL-CARE-PROVIDERS.xlsx)");
        return parts.Count == 0 ? null : $"not run: {string.Join("; ", parts)}";
    }
}
