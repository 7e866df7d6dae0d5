using Qp.Domain.Indicators;
using Qp.Domain.Validation;
using Qp.Validate;

namespace Qp.Cli;

/// <summary>The rule catalogue as published outputs may quote it: code, table, fields and description, never a message's text.</summary>
public static class PublishedRules
{
    /// <summary>Every validation rule, and compute's cohort warnings (code "C" + indicator), by code.</summary>
    public static IReadOnlyDictionary<string, RuleSummary> For(IReadOnlyList<IndicatorDefinition> catalogue)
    {
        var rules = RuleRegistry.All.ToDictionary(r => r.Code, r => new RuleSummary(r.Code, r.Table, r.Fields, r.Description));
        foreach (var d in catalogue)
            rules.TryAdd("C" + d.Id, new RuleSummary("C" + d.Id, "children's records", [],
                $"Some children counted in {d.Id} lack a record or history the indicator needs, and are counted as the definition says"));
        return rules;
    }
}
