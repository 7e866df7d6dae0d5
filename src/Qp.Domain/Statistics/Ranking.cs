using Qp.Domain.Indicators;

namespace Qp.Domain.Statistics;

/// <summary>Ranks and PAF bands of authority values.</summary>
public static class Ranking
{
    // Values are 100·O/n; two equal fractions give the same double, but a tolerance keeps ties robust to rounding.
    private const double Tie = 1e-9;

    /// <summary>Rank of each value, 1 = best by polarity; equal values share the lowest (best) rank, e.g. 10, 20, 20, 30 higher-is-better → 4, 2, 2, 1.</summary>
    public static int[] Ranks(IReadOnlyList<double> values, Polarity polarity)
    {
        var ranks = new int[values.Count];
        var sorted = values.Order().ToArray();
        for (int i = 0; i < values.Count; i++)
        {
            double v = values[i];
            // 1 + the number of values strictly better than v.
            int better = polarity == Polarity.LowerIsBetter
                ? LowerBound(sorted, v - Tie)
                : sorted.Length - UpperBound(sorted, v + Tie);
            ranks[i] = better + 1;
        }
        return ranks;
    }

    /// <summary>The PAF band 1–5 (5 best) of <paramref name="value"/> from four ascending thresholds, with the rule of <see cref="IndicatorDefinition.BandThresholds"/>.</summary>
    public static int PafBand(double value, IReadOnlyList<double> thresholds, Polarity polarity)
    {
        if (thresholds.Count != 4) throw new ArgumentException("four thresholds are needed", nameof(thresholds));
        if (polarity == Polarity.LowerIsBetter)
            return value <= thresholds[0] ? 5 : value <= thresholds[1] ? 4 : value <= thresholds[2] ? 3 : value <= thresholds[3] ? 2 : 1;
        return value >= thresholds[3] ? 5 : value >= thresholds[2] ? 4 : value >= thresholds[1] ? 3 : value >= thresholds[0] ? 2 : 1;
    }

    /// <summary>The thresholds for PAF bands: the indicator's own when given, else the type-7 quintile points (20th, 40th, 60th, 80th percentiles) of the year's values; null when there are neither.</summary>
    public static IReadOnlyList<double>? BandThresholds(IReadOnlyList<double> configured, IEnumerable<double> yearValues)
    {
        if (configured.Count == 4) return configured;
        var sorted = yearValues.Order().ToArray();
        if (sorted.Length == 0) return null;
        return [Quantile.Type7(sorted, 0.2), Quantile.Type7(sorted, 0.4), Quantile.Type7(sorted, 0.6), Quantile.Type7(sorted, 0.8)];
    }

    // The number of sorted values below x.
    private static int LowerBound(double[] sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi) { int mid = (lo + hi) / 2; if (sorted[mid] < x) lo = mid + 1; else hi = mid; }
        return lo;
    }

    // The number of sorted values at or below x.
    private static int UpperBound(double[] sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi) { int mid = (lo + hi) / 2; if (sorted[mid] <= x) lo = mid + 1; else hi = mid; }
        return lo;
    }
}
