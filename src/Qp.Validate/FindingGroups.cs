using Qp.Domain.Validation;

namespace Qp.Validate;

/// <summary>A finding and the findings of the same child that may follow from it (a value that other rules then read).</summary>
/// <param name="Cause">The finding: an invalid, missing or impossible value, or any finding that follows from none.</param>
/// <param name="KnockOns">Findings of other rules on the same child that read the value <paramref name="Cause"/> found wrong.</param>
public sealed record FindingGroup(ValidationMessage Cause, IReadOnlyList<ValidationMessage> KnockOns);

/// <summary>
/// Groups a return's findings for the text report. Every finding stays reported, as the DfE reports it; a finding that
/// reads a value already found wrong for the same child is listed under that first cause rather than on its own.
/// </summary>
public static class FindingGroups
{
    /// <summary>Groups <paramref name="sorted"/> (a return's findings in report order) of collection year <paramref name="year"/>.</summary>
    public static IReadOnlyList<FindingGroup> Group(IReadOnlyList<ValidationMessage> sorted, int year)
    {
        var (valueCodes, fieldsOf) = Catalogue(year);
        // The first cause of each child and field: a value check (a single-field rule of the tool's own family) on a field of the child.
        var causes = new Dictionary<(string Child, string Field), int>();
        for (int i = 0; i < sorted.Count; i++)
            if (sorted[i] is { Child: { } c, Field: { } f } m && valueCodes.Contains(m.Code)) causes.TryAdd((c, f), i);
        var isCause = causes.Values.ToHashSet();
        var byChild = causes.GroupBy(p => p.Key.Child).ToDictionary(g => g.Key, g => g.OrderBy(p => p.Value).ToArray(), StringComparer.Ordinal);
        var under = new Dictionary<int, List<ValidationMessage>>();
        var placed = new bool[sorted.Count];
        for (int i = 0; i < sorted.Count; i++)
        {
            var m = sorted[i];
            if (m.Child is not { } child || !byChild.TryGetValue(child, out var own) || isCause.Contains(i)) continue;
            var fields = fieldsOf.GetValueOrDefault(m.Code);
            // An invalid DOB leaves every age of the child unknown, so each of its other findings may follow from it.
            foreach (var (key, at) in own)
                if (at != i && (key.Field == "DOB" || fields?.Contains(key.Field) == true))
                {
                    if (!under.TryGetValue(at, out var list)) under[at] = list = [];
                    list.Add(m);
                    placed[i] = true;
                    break;
                }
        }
        var groups = new List<FindingGroup>(sorted.Count);
        for (int i = 0; i < sorted.Count; i++)
            if (!placed[i]) groups.Add(new FindingGroup(sorted[i], under.TryGetValue(i, out var k) ? k : []));
        return groups;
    }

    private static (HashSet<string> ValueCodes, Dictionary<string, HashSet<string>> Fields) Catalogue(int year)
    {
        var set = RuleRegistry.InForce(year);
        bool dfe = year >= Rules.Dfe.DfeTables.FirstYear;
        string Reported(Rule r) => dfe ? r.DfeCode ?? r.Code : r.Code;
        var value = set.RowRules.Values.SelectMany(r => r).Where(r => r.Code is ['E' or 'W', ..] && r.Fields.Length == 1).Select(Reported).ToHashSet(StringComparer.Ordinal);
        var fields = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var r in set.All)
        {
            if (!fields.TryGetValue(Reported(r), out var f)) fields[Reported(r)] = f = new HashSet<string>(StringComparer.Ordinal);
            f.UnionWith(r.Fields);
        }
        return (value, fields);
    }
}
