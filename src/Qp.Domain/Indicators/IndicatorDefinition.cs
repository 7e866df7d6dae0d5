namespace Qp.Domain.Indicators;

/// <summary>Which direction of an indicator's value is better.</summary>
public enum Polarity
{
    /// <summary>A higher value is better (e.g. B7, foster placements).</summary>
    HigherIsBetter,

    /// <summary>A lower value is better (e.g. A1, three or more placements).</summary>
    LowerIsBetter,
}

/// <summary>The kinds of target the Quality Protects programme set.</summary>
public enum TargetKind
{
    /// <summary>The value must be at most the target value.</summary>
    Maximum,

    /// <summary>The value must be at least the target value.</summary>
    Minimum,

    /// <summary>The value must be at least the target's percentage lower than the authority's own baseline-year value.</summary>
    RelativeReduction,
}

/// <summary>A national target for an indicator, in force from a collection year.</summary>
/// <param name="Kind">Maximum, minimum or relative reduction.</param>
/// <param name="Value">The target in percent (for a relative reduction, the percentage reduction, e.g. 10).</param>
/// <param name="FromYear">The first collection year the target applies to.</param>
/// <param name="BaselineYear">For a relative reduction, the collection year whose value is the baseline.</param>
/// <param name="Label">How the target is described to readers, e.g. "≤ 16% by 2001".</param>
public sealed record Target(TargetKind Kind, double Value, int FromYear, int? BaselineYear, string Label);

/// <summary>How an indicator is read from a DfE published-statistics (EES tidy) file.</summary>
/// <param name="FileColumns">Columns that identify the file, e.g. "cla_group, placement_stability".</param>
/// <param name="Filters">Column values a row must have to belong to the indicator, e.g. cla_group = "CLA on 31 March".</param>
/// <param name="BreakdownColumn">The column whose values distinguish numerator and denominator rows, or null when both are columns of one row.</param>
/// <param name="NumeratorValue">The breakdown value of the numerator row, or the numerator column when there is no breakdown column.</param>
/// <param name="DenominatorValue">The breakdown value of the denominator row, or the denominator column when there is no breakdown column.</param>
/// <param name="CountColumn">The column holding the count in breakdown rows, e.g. children_count.</param>
public sealed record PublishedMapping(
    IReadOnlyList<string> FileColumns, IReadOnlyDictionary<string, string> Filters, string? BreakdownColumn,
    string NumeratorValue, string DenominatorValue, string? CountColumn);

/// <summary>An indicator of the catalogue: what it measures, which way is better, and its targets and bands.</summary>
/// <param name="Id">The indicator's short identifier, e.g. A1.</param>
/// <param name="Title">Its title, e.g. "Stability of placements (PAF A1)".</param>
/// <param name="Description">A plain-English description for readers.</param>
/// <param name="Numerator">The plain-English definition of the numerator.</param>
/// <param name="Denominator">The plain-English definition of the denominator (the cohort).</param>
/// <param name="Polarity">Which direction is better.</param>
/// <param name="Unit">The unit of the value, "%".</param>
/// <param name="SourceTables">The child-level tables the indicator is computed from.</param>
/// <param name="Targets">National targets, in order of the year they apply from.</param>
/// <param name="BandThresholds">Four ascending thresholds t1..t4 splitting values into PAF bands 1–5 (5 best): lower-is-better values ≤ t1 are band 5, ≤ t2 band 4, ≤ t3 band 3, ≤ t4 band 2, else 1; higher-is-better values ≥ t4 are band 5, ≥ t3 band 4, ≥ t2 band 3, ≥ t1 band 2, else 1. Empty for quintiles of the year's authority values.</param>
/// <param name="Published">Mappings to DfE published-statistics files.</param>
public sealed record IndicatorDefinition(
    string Id, string Title, string Description, string Numerator, string Denominator, Polarity Polarity, string Unit,
    IReadOnlyList<string> SourceTables, IReadOnlyList<Target> Targets, IReadOnlyList<double> BandThresholds,
    IReadOnlyList<PublishedMapping> Published)
{
    /// <summary>The definition a councillor reads, without codes; null when the catalogue gives none.</summary>
    public PlainEnglish? Plain { get; init; }
}

/// <summary>An indicator in plain English, each part a sentence or two with no codes (the technical definition is kept for an appendix).</summary>
/// <param name="Measures">What the figure counts, and of whom.</param>
/// <param name="Matters">Why it matters for the children.</param>
/// <param name="Better">Which way is better, and what a good figure looks like.</param>
public sealed record PlainEnglish(string Measures, string Matters, string Better)
{
    /// <summary>The three parts as one paragraph.</summary>
    public string Text => $"{Measures} {Matters} {Better}";
}
