using Qp.Domain.Indicators;
using Qp.Domain.Results;

namespace Qp.Domain.Statistics;

/// <summary>A target evaluated for one authority and year.</summary>
/// <param name="Value">The target value in percent (for a relative reduction, the baseline reduced by the percentage); null when none applies.</param>
/// <param name="Status">Met, not met, not yet due, or no target.</param>
/// <param name="Distance">Percentage points by which the value beats the target (negative when it falls short); null when not evaluated.</param>
public sealed record TargetEvaluation(double? Value, TargetStatus Status, double? Distance)
{
    /// <summary>No target applies.</summary>
    public static readonly TargetEvaluation None = new(null, TargetStatus.NoTarget, null);
}

/// <summary>Evaluates the indicator's targets (SPEC §5).</summary>
public static class Targets
{
    // A value that equals the target to rounding meets it.
    private const double Tolerance = 1e-9;

    /// <summary>
    /// Evaluates the latest target in force in <paramref name="year"/> (the one with the greatest FromYear ≤ year).
    /// Before any target is in force the status is NotYetDue, with the first target's value and distance shown for guidance.
    /// A relative reduction needs the authority's baseline-year value (<paramref name="baseline"/>); without it there is NoTarget.
    /// </summary>
    public static TargetEvaluation Evaluate(IReadOnlyList<Target> targets, int year, double? value, Func<int, double?> baseline)
    {
        if (targets.Count == 0) return TargetEvaluation.None;
        var ordered = targets.OrderBy(t => t.FromYear).ToList();
        var inForce = ordered.LastOrDefault(t => t.FromYear <= year);
        var target = inForce ?? ordered[0];
        double? targetValue = TargetValue(target, baseline);
        if (targetValue is not { } tv) return TargetEvaluation.None;
        double? distance = value is { } v ? Distance(target.Kind, v, tv) : null;
        var status = inForce is null ? TargetStatus.NotYetDue
            : distance is not { } dist ? TargetStatus.NoTarget
            : dist >= -Tolerance ? TargetStatus.Met : TargetStatus.NotMet;
        return new TargetEvaluation(tv, status, distance);
    }

    /// <summary>The target value: the target itself for a maximum or minimum; baseline × (1 − p/100) for a relative reduction of p%.</summary>
    public static double? TargetValue(Target target, Func<int, double?> baseline) => target.Kind switch
    {
        TargetKind.RelativeReduction => target.BaselineYear is { } by && baseline(by) is { } b ? b * (1 - target.Value / 100) : null,
        _ => target.Value,
    };

    /// <summary>Points by which <paramref name="value"/> beats <paramref name="targetValue"/>: target − value for a maximum or reduction, value − target for a minimum.</summary>
    public static double Distance(TargetKind kind, double value, double targetValue) =>
        kind == TargetKind.Minimum ? value - targetValue : targetValue - value;
}

/// <summary>One year's top-quartile point used to derive a target.</summary>
/// <param name="Year">The collection year.</param>
/// <param name="Point">The top-quartile point of the year's authority values.</param>
/// <param name="Authorities">How many authority values it was taken from.</param>
public sealed record QuartilePoint(int Year, double Point, int Authorities);

/// <summary>How the 16% was set: the top-quartile point of authority values, averaged over a span of years (SPEC §5).</summary>
public static class TargetDerivation
{
    /// <summary>The top-quartile point by polarity: the lower quartile Q1 when lower is better, the upper quartile Q3 when higher is better; null for no values.</summary>
    public static double? TopQuartilePoint(IEnumerable<double> values, Polarity polarity) =>
        Quartiles.Of(values) is { } q ? polarity == Polarity.LowerIsBetter ? q.Q1 : q.Q3 : null;

    /// <summary>Each year's top-quartile point (years without values are left out) and their plain mean, or null when no year has values.</summary>
    public static (IReadOnlyList<QuartilePoint> Points, double? Average) Derive(IReadOnlyDictionary<int, IReadOnlyList<double>> valuesByYear, Polarity polarity)
    {
        var points = valuesByYear.OrderBy(kv => kv.Key)
            .Where(kv => kv.Value.Count > 0)
            .Select(kv => new QuartilePoint(kv.Key, TopQuartilePoint(kv.Value, polarity)!.Value, kv.Value.Count))
            .ToList();
        return (points, points.Count > 0 ? points.Average(p => p.Point) : null);
    }
}
