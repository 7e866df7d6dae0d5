namespace Qp.Domain.Validation;

/// <summary>What published text may say about a validation rule: its code, table, fields and what it requires.</summary>
/// <param name="Code">The rule's stable code, e.g. W212.</param>
/// <param name="Table">The table it checks (or "file", "cross-table").</param>
/// <param name="Fields">The fields it concerns.</param>
/// <param name="Description">What it requires, in words that quote no value from a return.</param>
public sealed record RuleSummary(string Code, string Table, IReadOnlyList<string> Fields, string Description);

/// <summary>
/// A stored validation message as a published output shows it: the rule, table, field and line, never the message's own text,
/// which may quote a value found in the return (a code, a header, a file name — and so possibly an identifier).
/// </summary>
public static class PublishedMessage
{
    /// <summary>The message in value-free words, e.g. "PLACE_PROVIDER is a valid code (rule W212; table Episodes, field PLACE_PROVIDER, line 14)".</summary>
    public static string Text(ValidationMessage message, RuleSummary? rule)
    {
        var where = message.Line > 0 ? $"line {message.Line}" : "the whole file";
        if (rule is null) return $"Rule {message.Code}, {where} (see the unpublished validation report).";
        var fields = rule.Fields.Count == 0 ? "" : rule.Fields.Count == 1 ? $", field {rule.Fields[0]}" : $", fields {string.Join(", ", rule.Fields)}";
        return $"{rule.Description.TrimEnd('.')} (rule {message.Code}; table {rule.Table}{fields}, {where}).";
    }

    /// <summary>Where the message is, by table rather than by the submitted file's name (which is the submitter's text).</summary>
    public static string Table(RuleSummary? rule) => rule?.Table ?? "–";
}
