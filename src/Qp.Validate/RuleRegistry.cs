using System.Collections.Concurrent;
using Qp.Validate.Rules;
using Qp.Validate.Rules.Dfe;

namespace Qp.Validate;

/// <summary>The rules in force in one collection year, grouped the way the validator applies them.</summary>
/// <param name="Year">The collection year.</param>
/// <param name="RowRules">Row rules by table.</param>
/// <param name="ChildRules">Per-child rules.</param>
/// <param name="All">Every rule in force, ordered by code.</param>
public sealed record RuleSet(int Year, IReadOnlyDictionary<TableSchema, RowRule[]> RowRules, IReadOnlyList<ChildRule> ChildRules, IReadOnlyList<Rule> All);

/// <summary>The catalogue: every validation rule of every year, ordered by code.</summary>
public static class RuleRegistry
{
    /// <summary>Row rules by table, of every year.</summary>
    public static readonly IReadOnlyDictionary<TableSchema, RowRule[]> RowRules = new Dictionary<TableSchema, RowRule[]>
    {
        [Tables.Header] = [.. HeaderRules.All, .. DfeHeaderRules.All, .. PreviousChildRules.Header, .. UascRules.HeaderRow],
        [Tables.Episodes] = [.. EpisodeRules.All, .. DfeEpisodeRules.All, .. DfeLocationRules.All, .. DfeProviderRules.All],
        [Tables.Oc1] = [.. OtherTableRules.Oc1],
        [Tables.Oc2] = [.. OtherTableRules.Oc2, .. Rules.Dfe.DfeOtherRules.Row[Tables.Oc2]],
        [Tables.Cpr] = [.. OtherTableRules.Cpr],
        // The DfE's rules on its other tables (2022-23 on).
        [Tables.Oc3] = [.. Rules.Dfe.DfeOtherRules.Row[Tables.Oc3], .. PreviousChildRules.Oc3Rows],
        [Tables.Ad1] = [.. Rules.Dfe.DfeOtherRules.Row[Tables.Ad1]],
        [Tables.PlacedAdoption] = [.. Rules.Dfe.DfeOtherRules.Row[Tables.PlacedAdoption], .. PreviousChildRules.PlacedAdoption],
        [Tables.Missing] = [.. Rules.Dfe.DfeOtherRules.Row[Tables.Missing]],
        [Tables.Reviews] = [.. Rules.Dfe.DfeOtherRules.Row[Tables.Reviews]],
        [Tables.Uasc] = [.. Rules.Dfe.DfeOtherRules.Row[Tables.Uasc]],
        [Tables.PrevPerm] = [.. Rules.Dfe.DfeOtherRules.Row[Tables.PrevPerm]],
        [Tables.SwEpisodes] = [.. Rules.Dfe.DfeOtherRules.Row[Tables.SwEpisodes]],
        [Tables.DoLo] = [.. Rules.Dfe.DfeOtherRules.Row[Tables.DoLo]],
    };

    /// <summary>Per-child rules of every year: the episode sequence, the cross-table, the previous-year rules and the DfE's per-child rules.</summary>
    public static readonly IReadOnlyList<ChildRule> ChildRules =
        [.. EpisodeSequenceRules.All, .. CrossTableRules.All, .. PreviousYearRules.All, .. DfeEpisodeSequenceRules.All, .. DfeChildRules.All, .. Rules.Dfe.DfeOtherRules.Child,
         .. PreviousChildRules.Child, .. PreviousEpisodeRules.All, .. DfeProviderRules.Child, .. DfeLocationRules.Child];

    /// <summary>Every rule of every year, ordered by its number.</summary>
    public static readonly IReadOnlyList<Rule> All =
        FileRules.All.Cast<Rule>().Concat(RowRules.Values.SelectMany(r => r)).Concat(ChildRules)
            .OrderBy(SortKey, StringComparer.Ordinal).ToArray();

    // The tool's own codes (E101, W212) by number; then the DfE's own codes (103, 217t, 1009, INT03) by number, padded.
    private static string SortKey(Rule r) => r.Code is [ 'E' or 'W', >= '0' and <= '9', ..] ? "0" + r.Code[1..]
        : "1" + new string(r.Code.TakeWhile(char.IsDigit).ToArray()).PadLeft(5, '0') + r.Code;

    private static readonly ConcurrentDictionary<int, RuleSet> ByYear = new();

    /// <summary>The rules in force in collection year <paramref name="year"/>.</summary>
    public static RuleSet InForce(int year) => ByYear.GetOrAdd(year, y => new RuleSet(y,
        RowRules.ToDictionary(p => p.Key, p => p.Value.Where(r => r.Years.Contains(y)).ToArray()),
        ChildRules.Where(r => r.Years.Contains(y)).ToArray(),
        All.Where(r => r.Years.Contains(y)).ToArray()));

    /// <summary>The rule with <paramref name="code"/>, or null.</summary>
    public static Rule? Find(string code) => All.FirstOrDefault(r => r.Code == code);
}
