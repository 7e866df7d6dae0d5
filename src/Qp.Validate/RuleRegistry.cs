using Qp.Validate.Rules;

namespace Qp.Validate;

/// <summary>The catalogue: every validation rule, ordered by code.</summary>
public static class RuleRegistry
{
    /// <summary>Row rules by table.</summary>
    public static readonly IReadOnlyDictionary<TableSchema, RowRule[]> RowRules = new Dictionary<TableSchema, RowRule[]>
    {
        [Tables.Header] = [.. HeaderRules.All],
        [Tables.Episodes] = [.. EpisodeRules.All],
        [Tables.Oc1] = [.. OtherTableRules.Oc1],
        [Tables.Oc2] = [.. OtherTableRules.Oc2],
        [Tables.Cpr] = [.. OtherTableRules.Cpr],
    };

    /// <summary>Per-child rules: the episode sequence, the cross-table and the previous-year rules.</summary>
    public static readonly IReadOnlyList<ChildRule> ChildRules = [.. EpisodeSequenceRules.All, .. CrossTableRules.All, .. PreviousYearRules.All];

    /// <summary>Every rule, ordered by its number.</summary>
    public static readonly IReadOnlyList<Rule> All =
        FileRules.All.Cast<Rule>().Concat(RowRules.Values.SelectMany(r => r)).Concat(ChildRules)
            .OrderBy(r => r.Code[1..], StringComparer.Ordinal).ToArray();

    /// <summary>The rule with <paramref name="code"/>, or null.</summary>
    public static Rule? Find(string code) => All.FirstOrDefault(r => r.Code == code);
}
