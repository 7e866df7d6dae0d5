using Qp.Domain.Validation;

namespace Qp.Validate;

/// <summary>One validation rule of the catalogue: a stable code, a severity, what it checks and the fields it concerns.</summary>
/// <param name="Code">Stable code: E### for errors, W### for warnings; 0xx file, 1xx Header, 2xx Episodes, 3xx OC1, 4xx OC2, 5xx CPR, 6xx cross-table.</param>
/// <param name="Severity">Error rejects the submission; warning is reported and stored.</param>
/// <param name="Table">The table checked (or "file" / "cross-table").</param>
/// <param name="Fields">The fields the rule concerns.</param>
/// <param name="Description">What the rule requires, as listed by `qp rules`.</param>
public abstract record Rule(string Code, Severity Severity, string Table, string[] Fields, string Description)
{
    /// <summary>The collection years the rule is in force; validation of a return applies only the rules of its year.</summary>
    public YearsInForce Years { get; init; } = YearsInForce.Always;

    /// <summary>The DfE's code for the same check (e.g. "103"), or null when the rule is the tool's own.</summary>
    public string? DfeCode { get; init; }
}

/// <summary>A rule about a file as a whole (format, columns, readability); the readers apply it.</summary>
public sealed record FileRule(string Code, Severity Severity, string Description)
    : Rule(Code, Severity, "file", [], Description);

/// <summary>A rule checked on each row of one table on its own.</summary>
public sealed record RowRule(string Code, Severity Severity, TableSchema Schema, string[] Fields, string Description,
    Func<SourceRow, RuleContext, (string Field, string Message)?> Check)
    : Rule(Code, Severity, Schema.Name, Fields, Description)
{
    /// <summary>Applies the rule to <paramref name="row"/>.</summary>
    public void Apply(SourceRow row, RuleContext ctx)
    {
        if (Check(row, ctx) is { } f) ctx.Report(this, row.At(f.Field), f.Message);
    }
}

/// <summary>A rule checked once per child on everything the submission holds about the child (episodes in order, other tables).</summary>
public sealed record ChildRule(string Code, Severity Severity, string Table, string[] Fields, string Description,
    Action<ChildFacts, RuleContext, Rule> Check)
    : Rule(Code, Severity, Table, Fields, Description)
{
    /// <summary>Applies the rule to one child.</summary>
    public void Apply(ChildFacts child, RuleContext ctx) => Check(child, ctx, this);
}
