using Qp.Domain;
using Qp.Domain.Validation;

namespace Qp.Validate;

/// <summary>What rules know about the submission being checked, and where they report.</summary>
public sealed class RuleContext
{
    private readonly Action<ValidationMessage> sink;

    /// <summary>Creates a context for collection year <paramref name="year"/>; <paramref name="today"/> bounds "not in the future".</summary>
    public RuleContext(int year, DateOnly today, Action<ValidationMessage> sink)
    {
        Year = year;
        Today = today;
        this.sink = sink;
    }

    /// <summary>The collection year.</summary>
    public int Year { get; }

    /// <summary>Today's date, for "not in the future".</summary>
    public DateOnly Today { get; }

    /// <summary>The same authority's return for the year before, when one is known (stored, or given); the previous-year rules need it.</summary>
    public PreviousReturn? Previous { get; init; }

    /// <summary>1 April Y-1.</summary>
    public DateOnly YearStart => CollectionYear.Start(Year);

    /// <summary>31 March Y.</summary>
    public DateOnly YearEnd => CollectionYear.End(Year);

    private readonly HashSet<TableSchema> present = [];

    /// <summary>Records that <paramref name="table"/> has at least one row (the DfE's rules on a table run only when it is supplied).</summary>
    public void Saw(TableSchema table) => present.Add(table);

    /// <summary>Whether the submission supplied rows of <paramref name="table"/>.</summary>
    public bool Has(TableSchema table) => present.Contains(table);

    /// <summary>Reports a finding of <paramref name="rule"/> at <paramref name="at"/>.</summary>
    public void Report(Rule rule, Location at, string message) =>
        sink(new ValidationMessage(at.File, at.Line, at.Column, rule.Severity, rule.Code, message));

    /// <summary>Why a date is too late, or null when it is on or before the end of the year and not in the future.</summary>
    public string? TooLate(DateOnly d) =>
        d > Today ? "is in the future" : d > YearEnd ? $"is after the end of the collection year ({Codes.Show(YearEnd)})" : null;
}
