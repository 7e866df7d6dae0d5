using System.Globalization;
using Qp.Domain;
using Qp.Domain.Disclosure;
using Qp.Domain.Results;
using Qp.Domain.Statements;
using Qp.Store;

namespace Qp.Render.Excel;

/// <summary>What every sheet writer shares: the stored data, the options, the row order, and disclosure control as it applies to each figure.</summary>
internal sealed class ReportContext
{
    private readonly Dictionary<(string Indicator, int Year, int La), IndicatorResult> _results;
    private readonly Dictionary<(string Indicator, int Year), NationalResult> _national;

    public ReportContext(ReportData data, ExcelReportOptions options)
    {
        // The one disclosure decision of this edition: every sheet reads its figures and asks it what to print as 'c'.
        Data = data.ForEdition(options.Publish);
        Edition = Data.Disclosure!;
        Text = new EditionText(Edition, Data.Catalogue, Data.Synthetic);
        Options = options;
        Rows = AuthorityOrder.For(data, options.FocusLa);
        _results = Data.Results.ToDictionary(r => (r.Indicator, r.Year, r.LaCode));
        _national = Data.National.ToDictionary(n => (n.Indicator, n.Year));
    }

    public ReportData Data { get; }

    /// <summary>The edition's disclosure decision.</summary>
    public Edition Edition { get; }

    public ExcelReportOptions Options { get; }

    /// <summary>The edition's generated statements, the same words as the packs'.</summary>
    public EditionText Text { get; }

    /// <summary>The notes every printed sheet starts with: the synthetic-data notice (when the data are synthetic) and the disclosure note.</summary>
    public IEnumerable<string> SheetNotes => Text.SyntheticNotice is { } s ? [s, DisclosureNote] : [DisclosureNote];

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

    /// <summary>An authority's numerator: 'c' when the edition withholds it.</summary>
    public Figure Numerator(IndicatorResult r) => Edition.Hides(r, Withheld.Numerator) ? Figure.Hidden : Figure.Of(r.Numerator);

    /// <summary>An authority's denominator: 'c' when the edition withholds it (1 or 2 beside a hidden numerator).</summary>
    public Figure Denominator(IndicatorResult r) => Edition.Hides(r, Withheld.Denominator) ? Figure.Hidden : Figure.Of(r.Denominator);

    /// <summary>England's denominator: 'c' when the edition withholds it.</summary>
    public Figure EnglandDenominator(NationalResult n) => Edition.HidesEnglandDenominator(n.Indicator, n.Year) ? Figure.Hidden : NationalCount(n.Denominator);

    /// <summary>A percentage of the authority's (value, interval bounds, rank, band, distance from target): 'c' when the edition withholds its percentage.</summary>
    public Figure Percent(IndicatorResult r, double? value) =>
        HidesPercent(r) ? Figure.Hidden : Figure.Of(value);

    /// <summary>The change from last year: 'c' when the edition withholds it (either year's percentage is hidden).</summary>
    public Figure Change(IndicatorResult r) => Edition.Hides(r, Withheld.Change) ? Figure.Hidden : Figure.Of(r.ChangePp);

    /// <summary>The trend's χ²: 'c' when one of its five years is hidden.</summary>
    public Figure TrendChi2(IndicatorResult r) => Edition.Hides(r, Withheld.Trend) ? Figure.Hidden : Figure.Of(r.TrendChi2);

    /// <summary>The trend in words: 'c' when one of its five years is hidden.</summary>
    public string TrendLabel(IndicatorResult r) => Edition.Hides(r, Withheld.Trend) ? DisclosureControl.Suppressed : Words.Of(r.Trend);

    /// <summary>The target value: 'c' when it is set from a hidden baseline.</summary>
    public Figure Target(IndicatorResult r) => Edition.Hides(r, Withheld.Target) ? Figure.Hidden : Figure.Of(r.TargetValue);

    /// <summary>A national count (already rounded to 10 in a published edition).</summary>
    public Figure NationalCount(long count) => Figure.Of(count);

    /// <summary>England's numerator: 'c' when the edition withholds England's total.</summary>
    public Figure EnglandNumerator(NationalResult n) => Edition.HidesEngland(n.Indicator, n.Year) ? Figure.Hidden : Figure.Of(n.Numerator);

    /// <summary>A label that would reveal a hidden percentage (quartile band, comparison with England, target status): 'c' when the percentage is hidden.</summary>
    public string? Revealing(IndicatorResult r, string? label) => HidesPercent(r) ? DisclosureControl.Suppressed : label;


    /// <summary>Whether the authority's percentage is shown as 'c'.</summary>
    public bool HidesPercent(IndicatorResult r) => Edition.Hides(r, Withheld.Percent);
}
