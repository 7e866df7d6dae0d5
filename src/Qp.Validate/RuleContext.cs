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

    /// <summary>Postcode reference data for the DfE's placement-location rules; <see cref="PostcodeDirectory.Current"/> (none unless set) by default.</summary>
    public IPostcodeDirectory Postcodes { get; init; } = PostcodeDirectory.Current;

    /// <summary>Ofsted's provider lists for the DfE's URN rules; <see cref="ProviderDirectory.Current"/> (none unless set) by default.</summary>
    public IProviderDirectory Providers { get; init; } = ProviderDirectory.Current;

    /// <summary>The returning authority's ONS upper-tier code (e.g. E06000001) when known, for the DfE's placement-LA rules.</summary>
    public string? AuthorityCode { get; init; } = PostcodeDirectory.CurrentAuthority;

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

    /// <summary>Errors in one file after which its reading stops: the return is refused by then, and time and memory stay bounded.</summary>
    public const int ErrorsBeforeStop = 100_000;

    private readonly Dictionary<string, int> errorsByFile = new(StringComparer.Ordinal);

    private Dictionary<Rule, object>? state;

    /// <summary>State that <paramref name="rule"/> keeps across the rows of this return (e.g. values seen so far), created on first use.</summary>
    public T StateOf<T>(Rule rule) where T : class, new()
    {
        state ??= [];
        if (!state.TryGetValue(rule, out var s)) state[rule] = s = new T();
        return (T)s;
    }

    /// <summary>Whether the year is one of the DfE's (2022-23 on), whose findings carry the DfE's codes.</summary>
    public bool DfeYear => Year >= Rules.Dfe.DfeTables.FirstYear;

    /// <summary>
    /// Reports a finding of <paramref name="rule"/> at <paramref name="at"/>. In the DfE's years it carries the DfE's code when the DfE has
    /// the check (one fault, one code), and is marked as the tool's own otherwise.
    /// </summary>
    public void Report(Rule rule, Location at, string message)
    {
        if (rule.Severity == Severity.Error) errorsByFile[at.File] = errorsByFile.GetValueOrDefault(at.File) + 1;
        bool dfe = DfeYear;
        sink(new ValidationMessage(at.File, at.Line, at.Column, rule.Severity, dfe ? rule.DfeCode ?? rule.Code : rule.Code, message)
        {
            Child = at.Child,
            Field = at.Field,
            Own = dfe && rule.DfeCode is null,
        });
    }

    /// <summary>Whether <paramref name="file"/> has <see cref="ErrorsBeforeStop"/> errors, so that its reader should stop.</summary>
    public bool TooManyErrors(string file) => errorsByFile.GetValueOrDefault(file) >= ErrorsBeforeStop;

    /// <summary>True once a reader stopped early (see <see cref="StopReading"/>): checks across tables would only mislead then.</summary>
    public bool Stopped { get; private set; }

    /// <summary>Records that reading <paramref name="at"/>'s file stopped after too many errors, and says so.</summary>
    public void StopReading(Rule rule, Location at)
    {
        Stopped = true;
        Report(rule, at, $"reading stopped after {ErrorsBeforeStop:N0} errors in this file; the rest of it was not checked");
    }

    /// <summary>Why a date is too late, or null when it is on or before the end of the year and not in the future.</summary>
    public string? TooLate(DateOnly d) =>
        d > Today ? "is in the future" : d > YearEnd ? $"is after the end of the collection year ({Codes.Show(YearEnd)})" : null;
}
