namespace Qp.Domain.Results;

/// <summary>How an authority's value compares with England's.</summary>
public enum VsEngland
{
    /// <summary>Not compared: the authority or England has no value.</summary>
    NotCompared,

    /// <summary>England's value lies inside the authority's 95% interval.</summary>
    Similar,

    /// <summary>Outside the interval, on the better side by polarity.</summary>
    Better,

    /// <summary>Outside the interval, on the worse side by polarity.</summary>
    Worse,
}

/// <summary>The χ² test for trend over the latest five consecutive years.</summary>
public enum Trend
{
    /// <summary>Fewer than five consecutive years of data.</summary>
    CannotBeCalculated,

    /// <summary>χ² not above the critical value.</summary>
    NoSignificantChange,

    /// <summary>Significantly increasing.</summary>
    Increasing,

    /// <summary>Significantly decreasing.</summary>
    Decreasing,
}

/// <summary>Whether a target is met.</summary>
public enum TargetStatus
{
    /// <summary>The indicator has no target, or no target can be evaluated (e.g. no baseline).</summary>
    NoTarget,

    /// <summary>The year is before the target applies.</summary>
    NotYetDue,

    /// <summary>The value meets the target.</summary>
    Met,

    /// <summary>The value does not meet the target.</summary>
    NotMet,
}

/// <summary>Where an authority's figures for an indicator and year came from.</summary>
public static class ResultSource
{
    /// <summary>Computed from the authority's child-level return.</summary>
    public const string ChildLevel = "child-level";

    /// <summary>Taken from a QP aggregate return.</summary>
    public const string Aggregate = "aggregate";

    /// <summary>Taken from DfE published statistics.</summary>
    public const string Published = "published";
}

/// <summary>Every computed figure for one authority, indicator and collection year, as stored and as every renderer reads it.</summary>
public sealed record IndicatorResult
{
    /// <summary>The indicator's identifier, e.g. A1.</summary>
    public required string Indicator { get; init; }

    /// <summary>The authority's three-digit code.</summary>
    public required int LaCode { get; init; }

    /// <summary>The collection year.</summary>
    public required int Year { get; init; }

    /// <summary>Where the numerator and denominator came from (see <see cref="ResultSource"/>).</summary>
    public required string Source { get; init; }

    /// <summary>The numerator count; null when missing or suppressed at source.</summary>
    public int? Numerator { get; init; }

    /// <summary>The denominator (cohort) count; null when missing or suppressed at source.</summary>
    public int? Denominator { get; init; }

    /// <summary>100 × numerator / denominator; null when either is missing or the denominator is zero.</summary>
    public double? Value { get; init; }

    /// <summary>Lower bound of the 95% Wilson score interval, in percent.</summary>
    public double? Ci95Lower { get; init; }

    /// <summary>Upper bound of the 95% Wilson score interval, in percent.</summary>
    public double? Ci95Upper { get; init; }

    /// <summary>Lower bound of the 99.8% Wilson score interval, in percent.</summary>
    public double? Ci998Lower { get; init; }

    /// <summary>Upper bound of the 99.8% Wilson score interval, in percent.</summary>
    public double? Ci998Upper { get; init; }

    /// <summary>Rank among authorities with a value, 1 = best, ties taking the lowest rank.</summary>
    public int? Rank { get; init; }

    /// <summary>The number of authorities ranked.</summary>
    public int? RankOf { get; init; }

    /// <summary>Quartile band, "A" (best quarter) to "D" (worst).</summary>
    public string? QuartileBand { get; init; }

    /// <summary>PAF performance band 1–5 from the indicator's thresholds (5 = best).</summary>
    public int? PafBand { get; init; }

    /// <summary>Comparison with England's value.</summary>
    public VsEngland VsEngland { get; init; }

    /// <summary>Plain mean of the statistical neighbours' values, ignoring missing.</summary>
    public double? SnAverage { get; init; }

    /// <summary>Region average: aggregate value (Σ numerators / Σ denominators) of the authority's region.</summary>
    public double? RegionAverage { get; init; }

    /// <summary>Authority-type average: aggregate value of authorities of the same type.</summary>
    public double? TypeAverage { get; init; }

    /// <summary>Change from the previous year's value, in percentage points.</summary>
    public double? ChangePp { get; init; }

    /// <summary>The χ² trend over the latest five consecutive years ending this year.</summary>
    public Trend Trend { get; init; }

    /// <summary>The χ² statistic for trend, when calculated.</summary>
    public double? TrendChi2 { get; init; }

    /// <summary>The target value that applies this year, in percent (for a relative target, baseline reduced by the percentage).</summary>
    public double? TargetValue { get; init; }

    /// <summary>Whether the target is met.</summary>
    public TargetStatus TargetStatus { get; init; }

    /// <summary>Distance from the target in percentage points; positive means better than the target.</summary>
    public double? TargetDistance { get; init; }
}

/// <summary>The England figures and spread of authority values for one indicator and collection year.</summary>
public sealed record NationalResult
{
    /// <summary>The indicator's identifier.</summary>
    public required string Indicator { get; init; }

    /// <summary>The collection year.</summary>
    public required int Year { get; init; }

    /// <summary>Σ numerators over authorities with data.</summary>
    public long Numerator { get; init; }

    /// <summary>Σ denominators over authorities with data.</summary>
    public long Denominator { get; init; }

    /// <summary>England's value: 100 × Σ numerators / Σ denominators.</summary>
    public double? Value { get; init; }

    /// <summary>The published national value, when one was imported.</summary>
    public double? PublishedValue { get; init; }

    /// <summary>Lower quartile of authority values (type 7).</summary>
    public double? Q1 { get; init; }

    /// <summary>Median of authority values (type 7).</summary>
    public double? Median { get; init; }

    /// <summary>Upper quartile of authority values (type 7).</summary>
    public double? Q3 { get; init; }

    /// <summary>The number of authorities with a value.</summary>
    public int Authorities { get; init; }

    /// <summary>The target value that applies this year (maximum or minimum targets), in percent.</summary>
    public double? TargetValue { get; init; }

    /// <summary>The England χ² trend over the latest five consecutive years ending this year.</summary>
    public Trend Trend { get; init; }
}
