using System.Globalization;
using Qp.Domain;
using Qp.Domain.Disclosure;
using Qp.Domain.Results;
using Qp.Store;

namespace Qp.Render.Excel;

/// <summary>What every sheet writer shares: the stored data, the options, the row order, and disclosure control as it applies to each figure.</summary>
internal sealed class ReportContext
{
    private readonly Dictionary<(string Indicator, int Year, int La), IndicatorResult> _results;
    private readonly Dictionary<(string Indicator, int Year), NationalResult> _national;

    public ReportContext(ReportData data, ExcelReportOptions options)
    {
        Data = data;
        Options = options;
        Rows = AuthorityOrder.For(data, options.FocusLa);
        _results = data.Results.ToDictionary(r => (r.Indicator, r.Year, r.LaCode));
        _national = data.National.ToDictionary(n => (n.Indicator, n.Year));
    }

    public ReportData Data { get; }

    public ExcelReportOptions Options { get; }

    /// <summary>Authority rows in display order (focus, neighbours, the rest).</summary>
    public IReadOnlyList<AuthorityRow> Rows { get; }

    public string YearText => CollectionYear.Display(Options.Year);

    public string ProducedText => Options.Produced.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The note every sheet carries about disclosure control.</summary>
    public string DisclosureNote => Options.Publish
        ? "Disclosure control applied for publication: " + string.Join(" ", DisclosureControl.Rules)
        : "Not for publication: no disclosure control applied (small numbers are shown).";

    public IndicatorResult? Result(string indicator, int year, int la) => _results.GetValueOrDefault((indicator, year, la));

    public NationalResult? National(string indicator, int year) => _national.GetValueOrDefault((indicator, year));

    /// <summary>An authority's numerator: 'c' under --publish when it is 1 to 5 or its percentage is hidden.</summary>
    public Figure Numerator(IndicatorResult r) =>
        Options.Publish && DisclosureControl.SuppressNumerator(r.Numerator, r.Denominator) ? Figure.Hidden : Figure.Of(r.Numerator);

    /// <summary>A percentage of the authority's (value, interval bounds, distance from target): 'c' under --publish when its numerator is 1–5 or its denominator under 10.</summary>
    public Figure Percent(IndicatorResult r, double? value) =>
        HidesPercent(r) ? Figure.Hidden : Figure.Of(value);

    /// <summary>The change from last year: hidden when either year's percentage is, since the change and one value give the other.</summary>
    public Figure Change(IndicatorResult r)
    {
        var previous = Result(r.Indicator, r.Year - 1, r.LaCode);
        return HidesPercent(r) || (previous is not null && HidesPercent(previous)) ? Figure.Hidden : Figure.Of(r.ChangePp);
    }

    /// <summary>A national count: rounded to the nearest 10 under --publish.</summary>
    public Figure NationalCount(long count) => Figure.Of(Options.Publish ? DisclosureControl.RoundToTen(count) : count);

    /// <summary>A label that would reveal a hidden percentage (quartile band, comparison with England, target status): 'c' when the percentage is hidden.</summary>
    public string? Revealing(IndicatorResult r, string? label) => HidesPercent(r) ? DisclosureControl.Suppressed : label;

    /// <summary>Whether the authority's percentage is shown as 'c' (under --publish only).</summary>
    public bool HidesPercent(IndicatorResult r) => Options.Publish && DisclosureControl.SuppressPercent(r.Numerator, r.Denominator);
}
